using System.Security.Claims;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IndustryTracker.Web.Api;

public sealed record MeResponse(string Email, IReadOnlyList<string> Roles);

public sealed record AntiforgeryResponse(string RequestToken, string HeaderName, string FormFieldName);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Sign-in for scripts and the signed-in user's own account under /api/auth, and the UI's sign-out form post
/// (/logout). Nobody registers themselves or resets a password anonymously: accounts come from the CLI, the first-run
/// admin or an admin (<see cref="AccountsApi"/>).
/// </summary>
/// <remarks>
/// <c>POST /api/auth/login</c> answers Identity's token response (tokenType, accessToken, expiresIn, refreshToken), or
/// with <c>?useCookies=true</c> sets the Identity cookie. <c>POST /api/auth/refresh</c> spends the refresh token and
/// answers new tokens (<see cref="BearerSessions"/>). Every failed sign-in answers the same 401 whether or not the
/// account exists (<see cref="PasswordCheck"/>).
/// </remarks>
public static class AuthApi
{
    private const long SmallBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(LoginRateLimit.Policy)
            .WithSummary("Signs in with email and password: bearer tokens, or the cookie with ?useCookies=true.");
        auth.MapPost("/refresh", RefreshAsync).RequireRateLimiting(LoginRateLimit.Policy)
            .WithSummary("Exchanges a refresh token (single-use) for new tokens; a spent one revokes its whole sign-in.");
        auth.MapPost("/logout", SignOutApiAsync).RequireAuthorization().AddEndpointFilter(WriteProtection.ValidateCookieAntiforgeryAsync)
            .WithSummary("Ends this sign-in: its bearer and refresh tokens (or the cookie) are refused from the next request.");
        auth.MapPost("/password", ChangePasswordAsync).RequireAuthorization().AddEndpointFilter(WriteProtection.ValidateCookieAntiforgeryAsync)
            .WithSummary("Changes the signed-in user's own password; every sign-in of the account ends (sign in again).");
        auth.MapGet("/me", Me).RequireAuthorization(Policies.CanEdit)
            .WithSummary("The signed-in editor's email and roles.");
        auth.MapGet("/antiforgery", Antiforgery)
            .WithSummary("An antiforgery request token for cookie-authenticated API writes (send it in the RequestVerificationToken header).");

        // The sign-out form in the header posts here; form binding makes the antiforgery middleware check the token.
        app.MapPost("/logout", SignOutAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<IResult> LoginAsync(
        HttpContext http, PasswordCheck passwords, BearerSessions sessions, SignInManager<IdentityUser> signIn,
        bool? useCookies, bool? useSessionCookies, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<LoginRequest>(http.Request, "sign-in", SmallBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var check = await passwords.CheckAsync(request!.Email, request.Password);
        var logger = loggers.CreateLogger(typeof(AuthApi));
        if (check.User is not { } user)
        {
            logger.LogInformation("Token sign-in refused: {Outcome}", check.Outcome);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: check.Message);
        }
        if (useCookies == true || useSessionCookies == true)
        {
            await signIn.SignInAsync(user, isPersistent: useCookies == true && useSessionCookies != true);
            return TypedResults.Empty;
        }
        logger.LogInformation("{Email} signed in with a token", user.Email);
        return TypedResults.Ok(await sessions.SignInAsync(user, cancellationToken));
    }

    internal static async Task<IResult> RefreshAsync(HttpContext http, BearerSessions sessions, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<RefreshRequest>(http.Request, "refresh request", SmallBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await sessions.RefreshAsync(request!.RefreshToken, cancellationToken) is { } tokens
            ? TypedResults.Ok(tokens)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Refresh refused",
                detail: "The refresh token is unknown, expired, already used or its sign-in has ended. Sign in again.");
    }

    internal static async Task<NoContent> SignOutApiAsync(HttpContext http, BearerSessions sessions, SignInManager<IdentityUser> signIn, CancellationToken cancellationToken)
    {
        if (BearerSessions.FamilyOf(http.User) is { } family)
        {
            await sessions.RevokeAsync(family, BearerSessions.SignOutReason, cancellationToken);
        }
        else
        {
            await EndCookieSessionsAsync(http, signIn);
        }
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Signs the browser out and changes the account's security stamp, so that a copy of the cookie (another tab's,
    /// another device's, a stolen one) is refused on its next request too: cookies are validated against the stamp on
    /// every request. The account's other sessions end with it (docs/security.md).
    /// </summary>
    private static async Task EndCookieSessionsAsync(HttpContext http, SignInManager<IdentityUser> signIn)
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
    }

    internal static async Task<IResult> ChangePasswordAsync(HttpContext http, AccountAdministration accounts, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<ChangePasswordRequest>(http.Request, "password change", SmallBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request!.CurrentPassword))
        {
            errors["currentPassword"] = ["The current password is required."];
        }
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors["newPassword"] = ["A new password is required."];
        }
        if (errors.Count == 0)
        {
            var result = await accounts.ChangeOwnPasswordAsync(http.User.Identity?.Name ?? string.Empty, request.CurrentPassword!, request.NewPassword!, cancellationToken);
            if (result.Succeeded)
            {
                return TypedResults.NoContent();
            }
            errors["password"] = [.. result.Errors];
        }
        return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: "The password was not changed.");
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

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, SignInManager<IdentityUser> signInManager, [FromForm(Name = "returnUrl")] string? returnUrl)
    {
        await EndCookieSessionsAsync(http, signInManager);
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
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
