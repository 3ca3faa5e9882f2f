using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Web.Accounts;

/// <summary>
/// Every write endpoint the app maps — found in its EndpointDataSource, so endpoints added later are covered without
/// touching this test — refuses an anonymous caller (401 or a redirect to /login) and a signed-in user without a
/// role (403), and changes nothing. Razor component pages accept POST only for antiforgery-protected forms: they must
/// refuse a token-less post too (an error status, or a redirect to /login or /access-denied).
/// </summary>
public sealed partial class WriteEndpointProtectionTests
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Endpoints that anyone may call (sign-in, token refresh, the sign-out form, the Blazor framework's own) or any
    /// signed-in user, role or not (signing out a token, changing one's own password: AccountsApiTests and
    /// TokenRevocationTests cover them; calling them here would end the role-less caller's sign-in).
    /// </summary>
    private static readonly string[] AllowedAnonymous = ["/api/auth/login", "/api/auth/refresh", "/logout", "/api/auth/logout", "/api/auth/password"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_write_endpoint_refuses_anonymous_and_role_less_callers_and_changes_nothing()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        await using var factory = new TrackerWebApplicationFactory(database);
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await factory.CreateUserAsync("reader@example.com", role: null);
        using var reader = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).WithBearerAsync("reader@example.com");
        using var readerByCookie = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).WithCookieAsync("reader@example.com");

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Intersect(WriteMethods).Select(m => (Endpoint: e, Method: m)))
            .Where(x => !IsFramework(x.Endpoint))
            .ToList();
        var apiWrites = endpoints.Where(x => x.Endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null).ToList();
        Assert.Contains(apiWrites, x => x.Endpoint.RoutePattern.RawText?.TrimEnd('/') == "/api/auth/users");
        Assert.Contains(apiWrites, x => x.Endpoint.RoutePattern.RawText == "/api/auth/users/{email}/lock");

        var before = await CountRowsAsync(database);
        var problems = new List<string>();
        foreach (var (endpoint, method) in endpoints)
        {
            var path = Path(endpoint);
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("role-less bearer", reader), ("role-less cookie", readerByCookie) })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = new StringContent("""{"title":"x","email":"x@example.com","password":"a long enough passphrase","role":"Admin"}""", Encoding.UTF8, "application/json"),
                };
                using var response = await client.SendAsync(request, Ct);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var refused = isPage
                    ? status is 400 or 401 or 403 or 404 or 405 or 415
                        || (status == 302 && (location.Contains("/login", StringComparison.Ordinal) || location.Contains("/access-denied", StringComparison.Ordinal)))
                    : who == "anonymous"
                        ? status == 401 || (status == 302 && location.Contains("/login", StringComparison.Ordinal))
                        : status == 403;
                if (!refused)
                {
                    problems.Add($"{method} {path} as {who}: {status} {location}");
                }
            }
        }

        Assert.Empty(problems);
        Assert.Equal(before, await CountRowsAsync(database));
    }

    private static bool IsFramework(RouteEndpoint endpoint)
    {
        var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
        return pattern.StartsWith("/_blazor", StringComparison.Ordinal)
            || pattern.StartsWith("/_framework", StringComparison.Ordinal)
            || AllowedAnonymous.Contains(pattern, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The route with dummy values for its parameters ("1" fits both ids and slugs).</summary>
    private static string Path(RouteEndpoint endpoint) =>
        "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText?.TrimStart('/') ?? string.Empty, "1");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private static async Task<string> CountRowsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return string.Join(", ",
            $"companies={await db.Companies.CountAsync(Ct)}",
            $"aliases={await db.CompanyAliases.CountAsync(Ct)}",
            $"models={await db.AiModels.CountAsync(Ct)}",
            $"investments={await db.Investments.CountAsync(Ct)}",
            $"events={await db.Events.CountAsync(Ct)}",
            $"articles={await db.Articles.CountAsync(Ct)}",
            $"mentions={await db.Mentions.CountAsync(Ct)}",
            $"users={await db.Users.CountAsync(Ct)}",
            $"userRoles={await db.UserRoles.CountAsync(Ct)}",
            $"versions={await db.Companies.SumAsync(c => c.Version, Ct)}|{await db.Events.SumAsync(e => e.Version, Ct)}");
    }
}
