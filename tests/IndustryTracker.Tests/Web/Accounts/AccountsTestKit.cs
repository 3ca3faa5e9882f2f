using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Web.Accounts;

/// <summary>Real Identity in the app under test: accounts made through <see cref="UserAccounts"/>, bearer and cookie sign-in.</summary>
public static partial class AccountsTestKit
{
    public const string Password = "correct horse battery";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app on <paramref name="database"/> with extra settings (e.g. a lower login rate limit).</summary>
    public static WebApplicationFactory<IndustryTracker.Web.Components.App> WithSettings(
        this TrackerWebApplicationFactory factory, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    public static async Task CreateUserAsync(this WebApplicationFactory<IndustryTracker.Web.Components.App> factory, string email, string? role, string password = Password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, password, role, Ct);
        Assert.True(result.Succeeded, result.ErrorMessage);
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password, bool useCookies = false) =>
        client.PostAsJsonAsync(useCookies ? "/api/auth/login?useCookies=true" : "/api/auth/login", new { email, password }, Ct);

    /// <summary>Signs in through POST /api/auth/login and makes the client send the bearer token.</summary>
    public static async Task<HttpClient> WithBearerAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.LoginAsync(email, password);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Signs in with the Identity cookie (the client keeps cookies).</summary>
    public static async Task<HttpClient> WithCookieAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.LoginAsync(email, password, useCookies: true);
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>The antiforgery token of a rendered form (the hidden __RequestVerificationToken field).</summary>
    public static string FormToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "the form has no antiforgery field");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
