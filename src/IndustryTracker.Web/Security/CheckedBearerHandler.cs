using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Security;

/// <summary>
/// Identity's bearer token, checked against the database on every request (<see cref="BearerSessions.IsActiveAsync"/>):
/// a token of a deleted, locked or re-stamped account (password, role or lock change) or of a signed-out sign-in is
/// refused with 401 on its next request instead of living on until it expires.
/// </summary>
internal sealed class CheckedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BearerSessions sessions,
    IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Identity.Bearer.Checked";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!result.Succeeded)
        {
            return result.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(result.Failure ?? new InvalidOperationException("The bearer token is not valid."));
        }
        if (!await sessions.IsActiveAsync(result.Principal, identity.Value.ClaimsIdentity.SecurityStampClaimType, Context.RequestAborted))
        {
            Logger.LogInformation("Refused a bearer token of a revoked sign-in for {User}", result.Principal.Identity?.Name);
            return AuthenticateResult.Fail("This sign-in has ended (signed out, locked, deleted, or its password or role changed). Sign in again.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(result.Principal, result.Properties, Scheme.Name));
    }
}
