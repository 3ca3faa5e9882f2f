using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Web.Accounts;

/// <summary>
/// Access that can be taken back (real Identity): refresh tokens are single-use and a reused one revokes its family;
/// a role removal, lock, deletion, password change or reset, or sign-out refuses the cookie and the bearer token on
/// their very next request.
/// </summary>
public sealed class TokenRevocationTests : AccountsApp
{
    private const string Editor = "ed@example.com";
    private const string Admin = "admin@example.com";

    protected override IEnumerable<(string Email, string? Role)> InitialAccounts => [(Admin, Roles.Admin), (Editor, Roles.Editor)];

    [Fact]
    public async Task A_refresh_token_is_spent_by_its_use_and_reusing_it_revokes_every_token_of_the_sign_in()
    {
        using var client = NewClient();
        var first = await TokensAsync(await client.LoginAsync(Editor));
        var other = await TokensAsync(await client.LoginAsync(Editor));

        var second = await TokensAsync(await RefreshAsync(client, first.Refresh));
        Assert.NotEqual(first.Refresh, second.Refresh);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, second.Access));

        using var reuse = await RefreshAsync(client, first.Refresh);
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        // The whole family is gone: the rotated refresh token and the family's access tokens too.
        using var afterReuse = await RefreshAsync(client, second.Refresh);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, second.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, first.Access));
        // Another sign-in of the same account is another family and lives on.
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, other.Access));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, other.Refresh)).StatusCode);

        await using var db = Database.CreateContext();
        var hashes = await db.Set<RefreshToken>().Select(t => t.TokenHash).ToListAsync(Ct);
        Assert.DoesNotContain(first.Refresh, hashes);
        Assert.Contains(BearerSessions.Hash(first.Refresh), hashes);
        var families = await db.Set<RefreshTokenFamily>().AsNoTracking().ToListAsync(Ct);
        Assert.Equal(2, families.Count);
        Assert.Single(families, f => f.RevokedReason == BearerSessions.ReuseReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task An_unknown_refresh_token_gets_401(string token)
    {
        using var client = NewClient();

        using var response = await RefreshAsync(client, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string> Revocations => ["remove role", "lock", "delete", "reset password", "change password"];

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task Taking_access_away_refuses_the_cookie_and_the_bearer_token_on_their_next_request(string change)
    {
        using var byBearer = await NewClient().WithBearerAsync(Editor);
        using var byCookie = await NewClient().WithCookieAsync(Editor);
        Assert.Equal(HttpStatusCode.OK, (await byBearer.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await byCookie.GetAsync("/api/auth/me", Ct)).StatusCode);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var result = change switch
            {
                "remove role" => await admin.SetRoleAsync(Editor, null, Admin, Ct),
                "lock" => await admin.LockAsync(Editor, Admin, Ct),
                "delete" => await admin.DeleteAsync(Editor, Admin, Ct),
                "reset password" => await admin.ResetPasswordAsync(Editor, "a brand new passphrase", Admin, Ct),
                _ => await admin.ChangeOwnPasswordAsync(Editor, AccountsTestKit.Password, "a brand new passphrase", Ct),
            };
            Assert.True(result.Succeeded, result.ErrorMessage);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await byBearer.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await byCookie.GetAsync("/api/auth/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_a_token_refuses_its_access_and_refresh_tokens()
    {
        using var client = NewClient();
        var tokens = await TokensAsync(await client.LoginAsync(Editor));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Access);
        using var signedOut = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, tokens.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tokens.Refresh)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_after_a_password_reset_is_refused()
    {
        using var client = NewClient();
        var tokens = await TokensAsync(await client.LoginAsync(Editor));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var reset = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ResetPasswordAsync(Editor, "a brand new passphrase", Admin, Ct);
            Assert.True(reset.Succeeded, reset.ErrorMessage);
        }

        using var refused = await RefreshAsync(client, tokens.Refresh);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, Ct);

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<(string Access, string Refresh)> TokensAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            return (json.RootElement.GetProperty("accessToken").GetString()!, json.RootElement.GetProperty("refreshToken").GetString()!);
        }
    }
}
