using IndustryTracker.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.Accounts;

/// <summary>The outcome of an account operation: one clear message per problem when it failed.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, bool NotFound = false)
{
    public static AccountResult Success { get; } = new(true, []);

    public static AccountResult Failed(params IEnumerable<string> errors) => new(false, [.. errors.Distinct(StringComparer.Ordinal)]);

    /// <summary>No account has the email.</summary>
    public static AccountResult Unknown(string email) => new(false, [$"no account has the email '{email}'."], NotFound: true);

    public string ErrorMessage => string.Join(" ", Errors);
}

/// <summary>An account as listed by the CLI and the admin: email, roles and whether it is locked out now.</summary>
public sealed record AccountSummary(string Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil);

/// <summary>
/// Creates and lists accounts (users are named by their email) on the scoped context Identity's stores use, so a
/// user and its role are written in one transaction: a failure leaves nothing behind.
/// </summary>
public sealed class UserAccounts(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IndustryTrackerDbContext db,
    TimeProvider time,
    ILogger<UserAccounts> logger)
{
    /// <summary>Creates the roles that are missing (idempotent).</summary>
    public async Task EnsureRolesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in AccountRoles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }
            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the role {role}: {Describe(created)}");
            }
            logger.LogInformation("Created the role {Role}", role);
        }
    }

    public Task<bool> AnyUserAsync(CancellationToken cancellationToken = default) => db.Users.AnyAsync(cancellationToken);

    /// <summary>
    /// Creates a user named <paramref name="email"/> with <paramref name="password"/> in <paramref name="role"/>
    /// (Editor or Admin; null for none). Bad input (email, password rules, unknown role, taken email) changes nothing.
    /// </summary>
    public async Task<AccountResult> CreateAsync(string email, string password, string? role, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        string? canonicalRole = null;
        if (role is not null && (canonicalRole = AccountRoles.Find(role)) is null)
        {
            return AccountResult.Failed($"unknown role '{role}': use {string.Join(" or ", AccountRoles.All)}.");
        }
        if (!string.IsNullOrEmpty(email) && await users.FindByEmailAsync(email) is not null)
        {
            return AccountResult.Failed($"an account with the email '{email}' already exists.");
        }

        await EnsureRolesAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.Failed(created.Errors.Select(e => e.Description));
        }
        if (canonicalRole is not null)
        {
            var added = await users.AddToRoleAsync(user, canonicalRole);
            if (!added.Succeeded)
            {
                return AccountResult.Failed(added.Errors.Select(e => e.Description));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Created the account {Email} with the role {Role}", email, canonicalRole ?? "(none)");
        return AccountResult.Success;
    }

    /// <summary>Every account by email, with its roles.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => new
            {
                u.Email,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. accounts.Select(a => new AccountSummary(
            a.Email ?? string.Empty,
            [.. a.Roles.Order(StringComparer.Ordinal)],
            a.LockoutEnd is { } end && end > now ? end : null))];
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
