namespace IndustryTracker.Core.Accounts;

/// <summary>
/// One token sign-in (<c>POST /api/auth/login</c>) and every refresh token descended from it. The access tokens of
/// the family carry its id; revoking the family (sign-out, reuse of a rotated refresh token) refuses them all on
/// their next request. The security stamp the family was issued under is kept only as a SHA-256 hash.
/// </summary>
public sealed class RefreshTokenFamily
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the user's security stamp at sign-in: a password or role change ends the family.</summary>
    public string SecurityStampHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why the family was revoked: "sign-out" or "reuse".</summary>
    public string? RevokedReason { get; set; }

    public List<RefreshToken> Tokens { get; set; } = [];
}

/// <summary>
/// One refresh token of a <see cref="RefreshTokenFamily"/>, stored only as the SHA-256 hash of the random token the
/// client holds. Single-use: <see cref="UsedAt"/> is set when it is exchanged for the next one.
/// </summary>
public sealed class RefreshToken
{
    public long Id { get; set; }

    public Guid FamilyId { get; set; }

    public RefreshTokenFamily Family { get; set; } = null!;

    /// <summary>SHA-256 (hex) of the token.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
