using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Web.Accounts;

/// <summary>Sign-in with the real Identity (no test scheme): bearer tokens, cookies, lockout, rate limit, antiforgery.</summary>
public sealed class AccountsTests : AccountsApp
{
    [Fact]
    public async Task Token_login_answers_the_identity_token_response_and_the_bearer_reaches_an_editor_endpoint()
    {
        await Factory.CreateUserAsync("ed@example.com", Roles.Editor);
        using var client = NewClient();

        using var login = await client.LoginAsync("ed@example.com");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Bearer", token.RootElement.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(token.RootElement.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrEmpty(token.RootElement.GetProperty("refreshToken").GetString()));
        Assert.True(token.RootElement.GetProperty("expiresIn").GetInt64() > 0);

        await client.WithBearerAsync("ed@example.com");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        Assert.Equal("ed@example.com", me.GetProperty("email").GetString());
        Assert.Equal(["Editor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_user_without_a_role_gets_403_and_anonymous_gets_401()
    {
        await Factory.CreateUserAsync("reader@example.com", role: null);
        using var anonymous = NewClient();
        using var reader = await NewClient().WithBearerAsync("reader@example.com");
        using var readerByCookie = await NewClient().WithCookieAsync("reader@example.com");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readerByCookie.GetAsync("/api/auth/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_five_failures_lock_the_account()
    {
        await Factory.CreateUserAsync("ed@example.com", Roles.Editor);
        using var client = NewClient();

        for (var attempt = 1; attempt <= IdentitySetup.MaxFailedAccessAttempts; attempt++)
        {
            using var wrong = await client.LoginAsync("ed@example.com", "not the password at all");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var right = await client.LoginAsync("ed@example.com");

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains(PasswordCheckResult.LockedOutMessage, await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("ed@example.com"))!));
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_on_the_api_and_the_form()
    {
        await using var limited = Factory.WithSettings(("Accounts:LoginRateLimit:PermitLimit", "3"));
        await limited.CreateUserAsync("ed@example.com", Roles.Editor);
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await client.LoginAsync("ed@example.com", "not the password at all");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        using var refused = await client.LoginAsync("ed@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        using var formPage = await client.GetAsync("/login", Ct);
        Assert.Equal(HttpStatusCode.OK, formPage.StatusCode);
        using var formPost = await PostLoginFormAsync(client, await formPage.Content.ReadAsStringAsync(Ct), "ed@example.com", AccountsTestKit.Password, "/login");
        Assert.Equal(HttpStatusCode.TooManyRequests, formPost.StatusCode);
        Assert.Contains("Too many sign-in attempts", await formPost.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/forgotPassword")]
    [InlineData("/api/auth/resetPassword")]
    [InlineData("/api/auth/manage/info")]
    public async Task Self_service_identity_endpoints_are_not_mapped(string path)
    {
        using var client = NewClient();

        using var response = await client.PostAsJsonAsync(path, new { email = "mallory@example.com", password = "a long enough passphrase" }, Ct);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.DoesNotContain(
            Factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>(),
            e => string.Equals("/" + e.RoutePattern.RawText?.Trim('/'), path, StringComparison.OrdinalIgnoreCase));
        await using var db = Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(Ct));
    }

    [Fact]
    public async Task The_login_form_signs_in_with_a_cookie_and_follows_a_local_return_url()
    {
        await Factory.CreateUserAsync("ed@example.com", Roles.Editor);
        using var client = NewClient();
        using var page = await client.GetAsync("/login?returnUrl=%2Ftimeline", Ct);

        using var response = await PostLoginFormAsync(client, await page.Content.ReadAsStringAsync(Ct), "ed@example.com", AccountsTestKit.Password, "/login?returnUrl=%2Ftimeline");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/timeline"), new Uri(client.BaseAddress!, response.Headers.Location!));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        Assert.Equal("ed@example.com", me.GetProperty("email").GetString());
        var home = await client.GetStringAsync("/", Ct);
        Assert.Contains("ed@example.com", home, StringComparison.Ordinal);
        Assert.Contains("Sign out", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2Fphish")]
    [InlineData("%2F%2Fevil.example%2Fphish")]
    [InlineData("%2F%5Cevil.example")]
    public async Task The_login_form_ignores_a_return_url_to_another_host(string returnUrl)
    {
        await Factory.CreateUserAsync("ed@example.com", Roles.Editor);
        using var client = NewClient();
        using var page = await client.GetAsync($"/login?returnUrl={returnUrl}", Ct);

        using var response = await PostLoginFormAsync(client, await page.Content.ReadAsStringAsync(Ct), "ed@example.com", AccountsTestKit.Password, $"/login?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), new Uri(client.BaseAddress!, response.Headers.Location!));
    }

    [Fact]
    public async Task The_login_form_says_wrong_password_and_locked_out()
    {
        await Factory.CreateUserAsync("ed@example.com", Roles.Editor);
        using var client = NewClient();
        var html = await client.GetStringAsync("/login", Ct);

        using var wrong = await PostLoginFormAsync(client, html, "ed@example.com", "not the password at all", "/login");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Wrong email or password.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        for (var attempt = 2; attempt <= IdentitySetup.MaxFailedAccessAttempts; attempt++)
        {
            (await PostLoginFormAsync(client, html, "ed@example.com", "not the password at all", "/login")).Dispose();
        }
        using var locked = await PostLoginFormAsync(client, html, "ed@example.com", AccountsTestKit.Password, "/login");
        Assert.Contains("locked after too many failed attempts", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_authenticated_api_write_needs_the_antiforgery_token_and_a_bearer_one_does_not()
    {
        await Factory.CreateUserAsync("admin@example.com", Roles.Admin);
        using var byCookie = await NewClient().WithCookieAsync("admin@example.com");

        using var refused = await byCookie.PostAsJsonAsync("/api/auth/users", new { email = "a@example.com", password = "a long enough passphrase", role = "Editor" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Antiforgery", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "a@example.com", Ct));
        }

        var antiforgery = await byCookie.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery", Ct);
        Assert.Equal(WriteProtection.HeaderName, antiforgery.GetProperty("headerName").GetString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/users")
        {
            Content = JsonContent.Create(new { email = "a@example.com", password = "a long enough passphrase", role = "Editor" }),
        };
        request.Headers.Add(WriteProtection.HeaderName, antiforgery.GetProperty("requestToken").GetString());
        using var accepted = await byCookie.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);

        using var byBearer = await NewClient().WithBearerAsync("admin@example.com");
        using var bearerWrite = await byBearer.PostAsJsonAsync("/api/auth/users", new { email = "b@example.com", password = "a long enough passphrase", role = "Editor" }, Ct);
        Assert.Equal(HttpStatusCode.Created, bearerWrite.StatusCode);
    }

    [Fact]
    public async Task The_sign_out_form_ends_the_cookie_session()
    {
        await Factory.CreateUserAsync("ed@example.com", Roles.Editor);
        using var client = await NewClient().WithCookieAsync("ed@example.com");
        var home = await client.GetStringAsync("/", Ct);

        using var response = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AccountsTestKit.FormToken(home),
            ["returnUrl"] = "/timeline",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/timeline", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Contains("Sign in", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_refuses_a_copy_of_the_cookie_on_its_next_request()
    {
        await Factory.CreateUserAsync("ed@example.com", Roles.Editor);
        using var browser = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var login = await browser.LoginAsync("ed@example.com", useCookies: true);
        login.EnsureSuccessStatusCode();
        var session = CookiesSet(login); // what someone who copied the browser's cookie would replay
        using var home = await SendWithCookiesAsync(browser, HttpMethod.Get, "/", session);
        var html = await home.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, (await SendWithCookiesAsync(browser, HttpMethod.Get, "/api/auth/me", session)).StatusCode);

        using var signOut = await SendWithCookiesAsync(browser, HttpMethod.Post, "/logout", $"{session}; {CookiesSet(home)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AccountsTestKit.FormToken(html) }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithCookiesAsync(browser, HttpMethod.Get, "/api/auth/me", session)).StatusCode);
    }

    private static string CookiesSet(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(c => c.Split(';')[0]) : []);

    private static Task<HttpResponseMessage> SendWithCookiesAsync(HttpClient client, HttpMethod method, string url, string cookies, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Cookie", cookies);
        return client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> PostLoginFormAsync(HttpClient client, string formHtml, string email, string password, string action) =>
        client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AccountsTestKit.FormToken(formHtml),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        }), Ct);
}
