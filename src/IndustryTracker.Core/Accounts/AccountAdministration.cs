using IndustryTracker.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.Accounts;

/// <summary>
/// What an admin (page, API or CLI) does to an existing account: change its role, lock and unlock it, set a new
/// password, delete it; and a user changing their own password. Every change that takes access away also changes the
/// account's security stamp, so its cookies and bearer tokens are refused on their next request.
/// </summary>
/// <remarks>
/// Guards: the last unlocked admin can't be demoted, locked or deleted, and an admin can't do any of those to their
/// own account (<paramref name="actor"/> in each method; null for the CLI, which acts as the machine's operator).
/// When an actor is named, it must still be an unlocked admin: a page whose admin was demoted a moment ago can't act.
/// Each change runs in one transaction on the scoped context Identity's stores use: a refusal changes nothing.
/// </remarks>
public sealed class AccountAdministration(
    UserManager<IdentityUser> users,
    IndustryTrackerDbContext db,
    TimeProvider time,
    ILogger<AccountAdministration> logger)
{
    /// <summary>How long "locked" lasts when an admin locks an account: until unlocked.</summary>
    public static readonly TimeSpan AdminLock = TimeSpan.FromDays(365 * 100);

    /// <summary>Sets the account's only role to <paramref name="role"/> (Editor, Admin; null or "none" for no role).</summary>
    public async Task<AccountResult> SetRoleAsync(string email, string? role, string? actor, CancellationToken cancellationToken = default)
    {
        string? canonical = null;
        if (!string.IsNullOrWhiteSpace(role) && !string.Equals(role.Trim(), "none", StringComparison.OrdinalIgnoreCase)
            && (canonical = AccountRoles.Find(role)) is null)
        {
            return AccountResult.Failed($"unknown role '{role}': use {string.Join(", ", AccountRoles.All)} or none.");
        }
        return await ChangeAsync(email, actor, removesAdmin: canonical != AccountRoles.Admin, "change the role of", async user =>
        {
            var current = await users.GetRolesAsync(user);
            if (current.Count == (canonical is null ? 0 : 1) && (canonical is null || current.Contains(canonical)))
            {
                return IdentityResult.Success;
            }
            var removed = await users.RemoveFromRolesAsync(user, current);
            if (!removed.Succeeded || canonical is null)
            {
                return removed;
            }
            return await users.AddToRoleAsync(user, canonical);
        }, $"role set to {canonical ?? "none"}", cancellationToken);
    }

    /// <summary>Locks the account until an admin unlocks it; its sessions end on their next request.</summary>
    public Task<AccountResult> LockAsync(string email, string? actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(email, actor, removesAdmin: true, "lock", async user =>
        {
            var enabled = await users.SetLockoutEnabledAsync(user, true);
            return enabled.Succeeded ? await users.SetLockoutEndDateAsync(user, time.GetUtcNow() + AdminLock) : enabled;
        }, "locked", cancellationToken);

    /// <summary>Lifts a lock (an admin's or the failed-attempt lockout) and forgets the failed attempts.</summary>
    public Task<AccountResult> UnlockAsync(string email, string? actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(email, actor, removesAdmin: false, "unlock", async user =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked;
        }, "unlocked", cancellationToken);

    /// <summary>An admin sets a new password (the password rules apply); the account's sessions end.</summary>
    public Task<AccountResult> ResetPasswordAsync(string email, string newPassword, string? actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(email, actor, removesAdmin: false, "reset the password of", async user =>
        {
            var invalid = await ValidatePasswordAsync(user, newPassword);
            if (invalid is not null)
            {
                return invalid;
            }
            var removed = await users.RemovePasswordAsync(user);
            return removed.Succeeded ? await users.AddPasswordAsync(user, newPassword) : removed;
        }, "password reset", cancellationToken, allowSelf: true);

    /// <summary>Deletes the account (its sign-ins go with it).</summary>
    public Task<AccountResult> DeleteAsync(string email, string? actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(email, actor, removesAdmin: true, "delete", user => users.DeleteAsync(user), "deleted", cancellationToken);

    /// <summary>A signed-in user changes their own password; the current one must be right.</summary>
    public async Task<AccountResult> ChangeOwnPasswordAsync(string email, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return AccountResult.Unknown(email);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var changed = await users.ChangePasswordAsync(user, currentPassword ?? string.Empty, newPassword ?? string.Empty);
        if (!changed.Succeeded)
        {
            return AccountResult.Failed(changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? "the current password is wrong." : e.Description));
        }
        logger.LogInformation("{Email} changed their password", user.Email);
        return AccountResult.Success;
    }

    private async Task<IdentityResult?> ValidatePasswordAsync(IdentityUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }
        return errors.Count == 0 ? null : IdentityResult.Failed([.. errors]);
    }

    private async Task<AccountResult> ChangeAsync(
        string email,
        string? actor,
        bool removesAdmin,
        string verb,
        Func<IdentityUser, Task<IdentityResult>> change,
        string done,
        CancellationToken cancellationToken,
        bool allowSelf = false)
    {
        email = email?.Trim() ?? string.Empty;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return AccountResult.Unknown(email);
        }
        if (actor is not null)
        {
            if (!await IsActiveAdminAsync(actor, cancellationToken))
            {
                return AccountResult.Failed("you are no longer an administrator: sign in again.");
            }
            if (!allowSelf && removesAdmin && string.Equals(user.NormalizedEmail, users.NormalizeEmail(actor), StringComparison.Ordinal))
            {
                return AccountResult.Failed($"you can't {verb} your own account: ask another admin.");
            }
        }
        if (removesAdmin && await users.IsInRoleAsync(user, AccountRoles.Admin) && await OtherActiveAdminsAsync(user.Id, cancellationToken) == 0)
        {
            return AccountResult.Failed($"can't {verb} {user.Email}: it is the last admin. Make another account an admin first.");
        }

        var result = await change(user);
        if (!result.Succeeded)
        {
            return AccountResult.Failed(result.Errors.Select(e => e.Description));
        }
        if (verb != "delete")
        {
            // Role and lock changes don't change the stamp by themselves; the stamp is what every request checks.
            var stamped = await users.UpdateSecurityStampAsync(user);
            if (!stamped.Succeeded)
            {
                return AccountResult.Failed(stamped.Errors.Select(e => e.Description));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {Email}: {Change} by {Actor}", user.Email, done, actor ?? "the command line");
        return AccountResult.Success;
    }

    private async Task<bool> IsActiveAdminAsync(string email, CancellationToken cancellationToken)
    {
        var actor = await users.FindByEmailAsync(email);
        return actor is not null && !await users.IsLockedOutAsync(actor) && await users.IsInRoleAsync(actor, AccountRoles.Admin);
    }

    /// <summary>Admins other than <paramref name="userId"/> that are not locked (lockout ends compared here: SQLite can't).</summary>
    private async Task<int> OtherActiveAdminsAsync(string userId, CancellationToken cancellationToken)
    {
        var lockouts = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == AccountRoles.Admin && u.Id != userId
                select u.LockoutEnd)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return lockouts.Count(end => end is null || end <= now);
    }
}
