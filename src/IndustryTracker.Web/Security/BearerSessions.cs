using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Security;

/// <summary>
/// Token sign-in for scripts: each <c>POST /api/auth/login</c> starts a <see cref="RefreshTokenFamily"/>; its access
/// tokens (Identity's bearer format, one hour) carry the family id and the security stamp; its refresh tokens are
/// random, stored hashed and single-use. Refreshing rotates: the presented token is spent and a new one issued.
/// Presenting a spent token means it was copied, so the whole family is revoked and every token of it refused.
/// </summary>
public sealed class BearerSessions(
    IDbContextFactory<IndustryTrackerDbContext> contexts,
    SignInManager<IdentityUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    TimeProvider time,
    ILogger<BearerSessions> logger)
{
    /// <summary>The claim naming the family an access token belongs to.</summary>
    public const string FamilyClaim = "industrytracker:session";

    public const string SignOutReason = "sign-out";
    public const string ReuseReason = "reuse";

    private BearerTokenOptions Options => bearerOptions.Get(IdentityConstants.BearerScheme);

    /// <summary>Starts a family for <paramref name="user"/> and answers its first access and refresh tokens.</summary>
    public async Task<AccessTokenResponse> SignInAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var family = new RefreshTokenFamily
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            SecurityStampHash = Hash(user.SecurityStamp ?? string.Empty),
            CreatedAt = now,
        };
        var refreshToken = NewToken(family.Id, now, out var stored);
        family.Tokens.Add(stored);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(family);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(user, family.Id, refreshToken, now);
    }

    /// <summary>
    /// Exchanges a refresh token for new tokens, or null when it is unknown, expired, spent (the family is revoked),
    /// of a revoked family, or its account was locked, deleted or changed its stamp since the sign-in.
    /// </summary>
    public async Task<AccessTokenResponse?> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(refreshToken) || refreshToken.Length > 200)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var hash = Hash(refreshToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.Set<RefreshToken>().AsNoTracking().Include(t => t.Family).SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.Family.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }
        // Spend it: only one request can move UsedAt from null, so two refreshes racing with one token are a reuse too.
        var spent = await db.Set<RefreshToken>().Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (spent == 0)
        {
            logger.LogWarning("A spent refresh token was presented again: revoking sign-in {FamilyId} of user {UserId}", token.FamilyId, token.Family.UserId);
            await RevokeAsync(token.FamilyId, ReuseReason, cancellationToken);
            return null;
        }
        var user = await signIn.UserManager.FindByIdAsync(token.Family.UserId);
        if (user is null || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user)
            || Hash(user.SecurityStamp ?? string.Empty) != token.Family.SecurityStampHash)
        {
            return null;
        }
        var next = NewToken(token.FamilyId, now, out var stored);
        db.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(user, token.FamilyId, next, now);
    }

    /// <summary>Ends a family: its access and refresh tokens are refused from the next request on.</summary>
    public async Task RevokeAsync(Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<RefreshTokenFamily>().Where(f => f.Id == familyId && f.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.RevokedReason, reason), cancellationToken);
    }

    /// <summary>The family an access token belongs to, when it names one.</summary>
    public static Guid? FamilyOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(FamilyClaim), out var id) ? id : null;

    /// <summary>
    /// True when a bearer principal may act now: its account exists with the same security stamp, is not locked out,
    /// and its family is not revoked. One query per request (the primary key of each table).
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, string stampClaimType, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(stampClaimType);
        if (userId is null || stamp is null || FamilyOf(principal) is not { } familyId)
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp,
                u.LockoutEnd,
                FamilyActive = db.Set<RefreshTokenFamily>().Any(f => f.Id == familyId && f.UserId == userId && f.RevokedAt == null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return state is { FamilyActive: true }
            && string.Equals(state.SecurityStamp, stamp, StringComparison.Ordinal)
            && (state.LockoutEnd is null || state.LockoutEnd <= time.GetUtcNow());
    }

    private async Task<AccessTokenResponse> ResponseAsync(IdentityUser user, Guid familyId, string refreshToken, DateTimeOffset now)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(FamilyClaim, familyId.ToString()));
        var options = Options;
        var properties = new AuthenticationProperties { ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken");
        return new AccessTokenResponse
        {
            AccessToken = options.BearerTokenProtector.Protect(ticket),
            ExpiresIn = (long)options.BearerTokenExpiration.TotalSeconds,
            RefreshToken = refreshToken,
        };
    }

    private string NewToken(Guid familyId, DateTimeOffset now, out RefreshToken stored)
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        stored = new RefreshToken
        {
            FamilyId = familyId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Options.RefreshTokenExpiration,
        };
        return token;
    }

    private static string Base64UrlEncode(byte[] bytes) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);

    /// <summary>SHA-256 as lowercase hex: what is stored instead of a token or stamp.</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
