using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IndustryTracker.Web.Security;

public static class SecuritySetup
{
    /// <summary>Authentication (cookie for the UI) and the authorization policies every write path uses.</summary>
    public static WebApplicationBuilder AddApplicationSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/access-denied";
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CanEdit, policy => policy.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.CanAdminister, policy => policy.RequireRole(Roles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>The name stamped on what this user changes (history, created/updated by).</summary>
    public static string ActorName(this ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";
}
