using System.Net;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IndustryTracker.Tests.Web.Accounts;

/// <summary>A sign-in answer never tells whether an account exists: same status, message and work (one password hash).</summary>
public sealed class NoEnumerationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerWebApplicationFactory _factory = null!;
    private WebApplicationFactory<IndustryTracker.Web.Components.App> _app = null!;
    private readonly CountingPasswordHasher _hasher = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        _factory = new TrackerWebApplicationFactory(_database);
        _app = _factory.WithWebHostBuilder(builder => builder
            .UseSetting("Accounts:LoginRateLimit:PermitLimit", "100")
            .ConfigureTestServices(services =>
            {
                services.RemoveAll<IPasswordHasher<IdentityUser>>();
                services.AddSingleton<IPasswordHasher<IdentityUser>>(_hasher);
            }));
        await _app.CreateUserAsync("ed@example.com", Roles.Editor);
        await _app.CreateUserAsync("locked@example.com", Roles.Editor);
        await using var scope = _app.Services.CreateAsyncScope();
        await _app.CreateUserAsync("admin@example.com", Roles.Admin);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountAdministration>().LockAsync("locked@example.com", null, Ct)).Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer_and_each_runs_the_hasher_once()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var unknown = await AttemptAsync(client, "nobody@example.com", "not the password at all");
        var wrong = await AttemptAsync(client, "ed@example.com", "not the password at all");
        var locked = await AttemptAsync(client, "locked@example.com", AccountsTestKit.Password);

        Assert.Equal((HttpStatusCode.Unauthorized, PasswordCheckResult.WrongEmailOrPassword, 1), unknown);
        Assert.Equal(unknown, wrong);
        // A locked account still costs one hash: its answer takes as long as any other.
        Assert.Equal((HttpStatusCode.Unauthorized, PasswordCheckResult.LockedOutMessage, 1), locked);
    }

    [Fact]
    public async Task An_unknown_email_locks_out_after_as_many_failures_as_an_account()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var known = new List<(HttpStatusCode, string, int)>();
        var unknown = new List<(HttpStatusCode, string, int)>();

        for (var attempt = 1; attempt <= IdentitySetup.MaxFailedAccessAttempts + 1; attempt++)
        {
            known.Add(await AttemptAsync(client, "ed@example.com", "not the password at all"));
            unknown.Add(await AttemptAsync(client, "nobody@example.com", "not the password at all"));
        }

        Assert.Equal(known, unknown);
        Assert.Equal(PasswordCheckResult.LockedOutMessage, unknown[^1].Item2);
        Assert.Equal(PasswordCheckResult.WrongEmailOrPassword, unknown[0].Item2);
    }

    private async Task<(HttpStatusCode Status, string Detail, int Hashes)> AttemptAsync(HttpClient client, string email, string password)
    {
        var before = _hasher.Verifications;
        using var response = await client.LoginAsync(email, password);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, json.RootElement.GetProperty("detail").GetString()!, _hasher.Verifications - before);
    }

    /// <summary>The real hasher, counting verifications.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
