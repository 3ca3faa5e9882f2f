using System.Security.Claims;
using IndustryTracker.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IndustryTracker.Web.Security;

public static class SecuritySetup
{
    /// <summary>The default scheme: the Identity bearer token when the request carries "Authorization: Bearer", else the Identity cookie.</summary>
    public const string CookieOrBearerScheme = "Identity.CookieOrBearer";

    /// <summary>
    /// ASP.NET Core Identity on the tracker's database (users, roles, EF stores, sign-in manager), authenticating with
    /// either its cookie (the UI) or its bearer token (scripts, <c>POST /api/auth/login</c>); the authorization
    /// policies every write path uses; the per-IP login rate limit. See docs/adr/0005-accounts.md.
    /// </summary>
    public static WebApplicationBuilder AddApplicationSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityApiEndpoints<IdentityUser>(IdentitySetup.Configure).AddAccountStores();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearerScheme;
                options.DefaultAuthenticateScheme = CookieOrBearerScheme;
                options.DefaultChallengeScheme = CookieOrBearerScheme;
                options.DefaultForbidScheme = CookieOrBearerScheme;
            })
            .AddPolicyScheme(CookieOrBearerScheme, "Identity cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    HasBearerToken(context.Request) ? CheckedBearerHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, CheckedBearerHandler>(CheckedBearerHandler.SchemeName, "Identity bearer token, checked per request", _ => { });
        // Revocation on the next request (docs/security.md): the cookie's security stamp is checked against the user
        // store on every request, bearer tokens by CheckedBearerHandler.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddScoped<BearerSessions>();
        builder.Services.AddScoped<PasswordCheck>();
        builder.Services.AddSingleton<UnknownAccountAttempts>();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            // The API answers with status codes, pages with redirects.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CanEdit, policy => policy.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.CanAdminister, policy => policy.RequireRole(Roles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.AddLoginRateLimit();
        return builder;
    }

    /// <summary>The name stamped on what this user changes (history, created/updated by).</summary>
    public static string ActorName(this ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    internal static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    internal static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }
        return Task.CompletedTask;
    }
}
