using IndustryTracker.Core.Accounts;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryTracker.Web.Api;

public sealed record CreateUserRequest(string? Email, string? Password, string? Role);

public sealed record UserResponse(string Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil);

/// <summary>Body of <c>PUT /api/auth/users/{email}/role</c>: Editor, Admin, or null/"none" for no role.</summary>
public sealed record SetRoleRequest(string? Role);

/// <summary>Body of <c>PUT /api/auth/users/{email}/password</c>: the new password an admin sets.</summary>
public sealed record ResetPasswordRequest(string? Password);

/// <summary>
/// Account management for admins under <c>/api/auth/users</c>: list, create, change role, lock, unlock, set a new
/// password, delete. The same operations as the /admin/users page and the CLI's <c>users</c> verbs
/// (<see cref="AccountAdministration"/>): the last admin can't be demoted, locked or deleted, nor can an admin do that
/// to their own account. Bad input answers 400 validation problems and changes nothing; an unknown email 404.
/// </summary>
public static class AccountsApi
{
    private const long SmallBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/auth/users").WithTags("Accounts").RequireAdministrator();
        users.MapGet("", ListUsersAsync).WithSummary("Every account with its roles and lock (admins only).");
        users.MapPost("", CreateUserAsync).WithSummary("Creates an account with a role (admins only).");
        users.MapPut("/{email}/role", SetRoleAsync).WithSummary("Sets the account's role: Editor, Admin or none.");
        users.MapPost("/{email}/lock", LockAsync).WithSummary("Locks the account until unlocked; its sign-ins end on their next request.");
        users.MapPost("/{email}/unlock", UnlockAsync).WithSummary("Unlocks the account.");
        users.MapPut("/{email}/password", ResetPasswordAsync).WithSummary("Sets a new password; the account's sign-ins end.");
        users.MapDelete("/{email}", DeleteAsync).WithSummary("Deletes the account; its sign-ins end.");
        return app;
    }

    private static async Task<Ok<UserResponse[]>> ListUsersAsync(UserAccounts accounts, CancellationToken cancellationToken)
    {
        var list = await accounts.ListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(a => new UserResponse(a.Email, a.Roles, a.LockedOutUntil)).ToArray());
    }

    private static async Task<IResult> CreateUserAsync(HttpContext http, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateUserRequest>(http.Request, "account", SmallBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request!.Email))
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
            return Invalid(problems);
        }
        var result = await accounts.CreateAsync(request.Email!, request.Password!, request.Role, cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(new Dictionary<string, string[]> { ["account"] = [.. result.Errors] });
        }
        var role = AccountRoles.Find(request.Role)!;
        return TypedResults.Created($"/api/auth/users/{Uri.EscapeDataString(request.Email!.Trim())}", new UserResponse(request.Email!.Trim(), [role], null));
    }

    private static async Task<IResult> SetRoleAsync(string email, HttpContext http, AccountAdministration admin, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<SetRoleRequest>(http.Request, "role change", SmallBodyBytes, cancellationToken);
        return problem ?? Outcome(await admin.SetRoleAsync(email, request!.Role, http.User.Identity?.Name, cancellationToken), "role");
    }

    private static async Task<IResult> LockAsync(string email, HttpContext http, AccountAdministration admin, CancellationToken cancellationToken) =>
        Outcome(await admin.LockAsync(email, http.User.Identity?.Name, cancellationToken), "account");

    private static async Task<IResult> UnlockAsync(string email, HttpContext http, AccountAdministration admin, CancellationToken cancellationToken) =>
        Outcome(await admin.UnlockAsync(email, http.User.Identity?.Name, cancellationToken), "account");

    private static async Task<IResult> ResetPasswordAsync(string email, HttpContext http, AccountAdministration admin, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<ResetPasswordRequest>(http.Request, "new password", SmallBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrEmpty(request!.Password))
        {
            return Invalid(new Dictionary<string, string[]> { ["password"] = ["A new password is required."] });
        }
        return Outcome(await admin.ResetPasswordAsync(email, request.Password, http.User.Identity?.Name, cancellationToken), "password");
    }

    private static async Task<IResult> DeleteAsync(string email, HttpContext http, AccountAdministration admin, CancellationToken cancellationToken) =>
        Outcome(await admin.DeleteAsync(email, http.User.Identity?.Name, cancellationToken), "account");

    private static IResult Outcome(AccountResult result, string field) =>
        result.Succeeded ? TypedResults.NoContent()
        : result.NotFound ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found", detail: result.ErrorMessage)
        : Invalid(new Dictionary<string, string[]> { [field] = [.. result.Errors] });

    private static ValidationProblem Invalid(Dictionary<string, string[]> problems) =>
        TypedResults.ValidationProblem(problems, detail: string.Join(" ", problems.Values.SelectMany(v => v)), title: "The account was not changed.");
}
