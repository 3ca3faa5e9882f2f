using System.Security.Claims;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Primitives;

namespace IndustryTracker.Web.Api;

public sealed record MeResponse(string Email, IReadOnlyList<string> Roles);

public sealed record AntiforgeryResponse(string RequestToken, string HeaderName, string FormFieldName);

public sealed record CreateUserRequest(string? Email, string? Password, string? Role);

public sealed record UserResponse(string Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil);

/// <summary>
/// Sign-in for scripts and the account endpoints under /api/auth, and the UI's sign-out form post (/logout).
/// Of Identity's API endpoints only login and refresh are mapped: nobody registers themselves, resets a password
/// anonymously or changes an account through them (accounts come from the CLI, the first-run admin or an admin).
/// </summary>
public static class AuthApi
{
    /// <summary>The Identity API endpoints that stay (relative to /api/auth).</summary>
    private static readonly HashSet<string> KeptIdentityEndpoints = new(StringComparer.OrdinalIgnoreCase) { "/api/auth/login", "/api/auth/refresh" };

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        MapIdentityTokenEndpoints(app);

        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapGet("/me", Me).RequireAuthorization(Policies.CanEdit)
            .WithSummary("The signed-in editor's email and roles.");
        auth.MapGet("/antiforgery", Antiforgery)
            .WithSummary("An antiforgery request token for cookie-authenticated API writes (send it in the RequestVerificationToken header).");
        auth.MapGet("/users", ListUsersAsync).RequireAuthorization(Policies.CanAdminister)
            .WithSummary("Every account with its roles (admins only).");
        auth.MapPost("/users", CreateUserAsync).RequireAdministrator()
            .WithSummary("Creates an account with a role (admins only).");

        // The sign-out form in the header posts here; form binding makes the antiforgery middleware check the token.
        app.MapPost("/logout", SignOutAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Identity's MapIdentityApi, reduced to POST /api/auth/login (rate-limited) and POST /api/auth/refresh: the
    /// endpoints are mapped onto a private builder and only those two are published to the app's endpoint data source.
    /// </summary>
    private static void MapIdentityTokenEndpoints(IEndpointRouteBuilder app)
    {
        var staging = new StagingRouteBuilder(app);
        var group = staging.MapGroup("/api/auth");
        group.MapIdentityApi<IdentityUser>();
        group.WithTags("Accounts");
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.TrimEnd('/').EndsWith("/login", StringComparison.OrdinalIgnoreCase) == true)
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(LoginRateLimit.Policy));
            }
        });
        app.DataSources.Add(new FilteredEndpointDataSource(staging.DataSources, endpoint =>
            endpoint is RouteEndpoint route && KeptIdentityEndpoints.Contains("/" + route.RoutePattern.RawText?.Trim('/'))));
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeResponse(
            user.Identity?.Name ?? string.Empty,
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));

    private static Ok<AntiforgeryResponse> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryResponse(tokens.RequestToken ?? string.Empty, tokens.HeaderName ?? WriteProtection.HeaderName, tokens.FormFieldName));
    }

    private static async Task<Ok<UserResponse[]>> ListUsersAsync(UserAccounts accounts, CancellationToken cancellationToken)
    {
        var list = await accounts.ListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(a => new UserResponse(a.Email, a.Roles, a.LockedOutUntil)).ToArray());
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem>> CreateUserAsync(
        CreateUserRequest request, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            problems["email"] = ["An email is required."];
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            problems["password"] = ["A password is required."];
        }
        if (string.IsNullOrWhiteSpace(request.Role) || AccountRoles.Find(request.Role) is null)
        {
            problems["role"] = [$"The role must be {string.Join(" or ", AccountRoles.All)}."];
        }
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        var result = await accounts.CreateAsync(request.Email!, request.Password!, request.Role, cancellationToken);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["account"] = [.. result.Errors] });
        }
        var role = AccountRoles.Find(request.Role)!;
        return TypedResults.Created("/api/auth/users", new UserResponse(request.Email!.Trim(), [role], null));
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<IdentityUser> signInManager, [FromForm(Name = "returnUrl")] string? returnUrl)
    {
        await signInManager.SignOutAsync();
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }

    /// <summary>Collects endpoints mapped onto it without publishing them; <see cref="FilteredEndpointDataSource"/> does.</summary>
    private sealed class StagingRouteBuilder(IEndpointRouteBuilder app) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => app.ServiceProvider;
        public ICollection<EndpointDataSource> DataSources { get; } = [];
        public IApplicationBuilder CreateApplicationBuilder() => app.CreateApplicationBuilder();
    }

    private sealed class FilteredEndpointDataSource(ICollection<EndpointDataSource> sources, Func<Endpoint, bool> keep) : EndpointDataSource
    {
        public override IReadOnlyList<Endpoint> Endpoints => [.. sources.SelectMany(s => s.Endpoints).Where(keep)];

        public override Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() =>
            new CompositeChangeToken([.. sources.Select(s => s.GetChangeToken())]);
    }
}

/// <summary>Return URLs are honoured only when they stay on this site.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
