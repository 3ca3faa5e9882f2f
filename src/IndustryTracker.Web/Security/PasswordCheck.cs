using IndustryTracker.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace IndustryTracker.Web.Security;

public enum PasswordCheckOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>The outcome of a sign-in attempt, with the user when it succeeded.</summary>
public sealed record PasswordCheckResult(PasswordCheckOutcome Outcome, IdentityUser? User)
{
    public const string WrongEmailOrPassword = "Wrong email or password.";

    public const string LockedOutMessage = "This account is locked after too many failed attempts or by an admin. Try again in 15 minutes, or ask an admin.";

    /// <summary>The one message a failed attempt shows, the same for unknown accounts and known ones.</summary>
    public string Message => Outcome == PasswordCheckOutcome.LockedOut ? LockedOutMessage : WrongEmailOrPassword;
}

/// <summary>
/// The one password check behind the sign-in form and <c>POST /api/auth/login</c>, built so an answer never tells
/// whether an account exists: the password hasher runs exactly once on every attempt (against a dummy hash when the
/// email is unknown or the account is locked), the message is the same for an unknown email and a wrong password,
/// and an unknown email is "locked out" after the same number of failures as a real account
/// (<see cref="IdentitySetup.MaxFailedAccessAttempts"/>, for <see cref="IdentitySetup.LockoutDuration"/>).
/// </summary>
public sealed class PasswordCheck(
    SignInManager<IdentityUser> signIn,
    IPasswordHasher<IdentityUser> hasher,
    UnknownAccountAttempts unknownAttempts)
{
    public async Task<PasswordCheckResult> CheckAsync(string? email, string? password)
    {
        email = email?.Trim() ?? string.Empty;
        password ??= string.Empty;
        var user = email.Length == 0 ? null : await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            RunHasherOnDummy(password);
            return new(unknownAttempts.Fail(signIn.UserManager.NormalizeEmail(email)) ? PasswordCheckOutcome.LockedOut : PasswordCheckOutcome.Failed, null);
        }
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            RunHasherOnDummy(password);
            return new(PasswordCheckOutcome.LockedOut, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? new(PasswordCheckOutcome.Succeeded, user)
            : result.IsLockedOut ? new(PasswordCheckOutcome.LockedOut, null)
            : new(PasswordCheckOutcome.Failed, null);
    }

    private void RunHasherOnDummy(string password) => hasher.VerifyHashedPassword(DummyUser, unknownAttempts.DummyHash(hasher), password);

    private static readonly IdentityUser DummyUser = new() { UserName = "nobody", Email = "nobody@invalid" };
}

/// <summary>
/// Failed sign-ins per unknown email (normalized), so an unknown email locks out just like an account; and the dummy
/// hash the hasher checks when there is no real one. A bounded cache: at most 10,000 emails, each forgotten after the
/// lockout duration.
/// </summary>
public sealed class UnknownAccountAttempts(TimeProvider time) : IDisposable
{
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private string? _dummyHash;

    /// <summary>
    /// A hash made once by the app's own hasher (same algorithm and work factor as real ones). The hasher is scoped
    /// in Identity, so the caller passes its own.
    /// </summary>
    public string DummyHash(IPasswordHasher<IdentityUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _dummyHash, () => hasher.HashPassword(new IdentityUser(), Guid.NewGuid().ToString("N")));

    /// <summary>Counts one failure; true when the email is now (or already was) "locked out".</summary>
    public bool Fail(string? normalizedEmail)
    {
        var key = normalizedEmail ?? string.Empty;
        lock (_failures)
        {
            var now = time.GetUtcNow();
            var entry = _failures.Get<Attempts>(key);
            if (entry is { LockedUntil: { } until } && until > now)
            {
                return true;
            }
            var count = (entry is { LockedUntil: null } ? entry.Count : 0) + 1;
            var locked = count >= IdentitySetup.MaxFailedAccessAttempts ? now + IdentitySetup.LockoutDuration : (DateTimeOffset?)null;
            _failures.Set(key, new Attempts(count, locked), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdentitySetup.LockoutDuration });
            return locked is not null;
        }
    }

    public void Dispose() => _failures.Dispose();

    private sealed record Attempts(int Count, DateTimeOffset? LockedUntil);
}
