using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IndustryTracker.Tests.Web.Accounts;

/// <summary>
/// The app with real Identity on a database of its own per test, and the accounts a test class starts with
/// (<see cref="InitialAccounts"/>); clients don't follow redirects, so a test sees the sign-in challenge itself.
/// </summary>
public abstract class AccountsApp : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected TrackerWebApplicationFactory Factory { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The (email, role) accounts created before each test; none by default.</summary>
    protected virtual IEnumerable<(string Email, string? Role)> InitialAccounts => [];

    public async ValueTask InitializeAsync()
    {
        Database = await TestData.CreateDatabaseAsync();
        Factory = new TrackerWebApplicationFactory(Database);
        foreach (var (email, role) in InitialAccounts)
        {
            await Factory.CreateUserAsync(email, role);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
