using IndustryTracker.Core.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace IndustryTracker.Web.Components.Pages.Admin;

/// <summary>
/// /admin/users: every account with its role and lock; change the role, lock, unlock, set a new password, delete —
/// each confirmed in a dialog, its outcome in a snackbar. Each operation runs in its own service scope (a short-lived
/// context) through <see cref="AccountAdministration"/>, which re-checks that the acting admin is still one.
/// </summary>
public partial class UsersPage
{
    public const string NoRole = "none";

    private static readonly IReadOnlyList<string> RoleChoices = [.. AccountRoles.All, NoRole];

    private IReadOnlyList<AccountSummary>? _accounts;

    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private static string RoleOf(AccountSummary account) => account.Roles.Count > 0 ? account.Roles[0] : NoRole;

    /// <summary>An element id part for an account: its email with anything but letters and digits as '-'.</summary>
    public static string Key(AccountSummary account) =>
        new([.. account.Email.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);

    private async Task LoadAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        _accounts = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync();
    }

    private Task ChangeRoleAsync(AccountSummary account, string role) =>
        RunAsync($"Change the role of {account.Email} to {role}?", "Change role", $"{account.Email} is now {(role == NoRole ? "without a role" : role)}.",
            (admin, actor) => admin.SetRoleAsync(account.Email, role, actor));

    private Task LockAsync(AccountSummary account) =>
        RunAsync($"Lock {account.Email}? Their sign-ins end now, until an admin unlocks the account.", "Lock", $"Locked {account.Email}.",
            (admin, actor) => admin.LockAsync(account.Email, actor));

    private Task UnlockAsync(AccountSummary account) =>
        RunAsync($"Unlock {account.Email}?", "Unlock", $"Unlocked {account.Email}.",
            (admin, actor) => admin.UnlockAsync(account.Email, actor));

    private Task DeleteAsync(AccountSummary account) =>
        RunAsync($"Delete {account.Email}? This can't be undone.", "Delete", $"Deleted {account.Email}.",
            (admin, actor) => admin.DeleteAsync(account.Email, actor));

    private async Task ResetPasswordAsync(AccountSummary account)
    {
        var dialog = await Dialogs.ShowAsync<NewPasswordDialog>(null,
            new DialogParameters<NewPasswordDialog> { { d => d.Email, account.Email } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: string password })
        {
            await ApplyAsync($"Set a new password for {account.Email}; their sign-ins end.", (admin, actor) => admin.ResetPasswordAsync(account.Email, password, actor));
        }
    }

    private async Task RunAsync(string question, string confirm, string done, Func<AccountAdministration, string, Task<AccountResult>> change)
    {
        var dialog = await Dialogs.ShowAsync<ConfirmDialog>(null,
            new DialogParameters<ConfirmDialog> { { d => d.Question, question }, { d => d.ConfirmText, confirm } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ApplyAsync(done, change);
        }
        else
        {
            // A cancelled role change puts the select back to the saved role.
            await LoadAsync();
        }
    }

    private async Task ApplyAsync(string done, Func<AccountAdministration, string, Task<AccountResult>> change)
    {
        var actor = (await AuthenticationState).User.Identity?.Name ?? string.Empty;
        AccountResult result;
        await using (var scope = ScopeFactory.CreateAsyncScope())
        {
            result = await change(scope.ServiceProvider.GetRequiredService<AccountAdministration>(), actor);
        }
        if (result.Succeeded)
        {
            Snackbar.Add(done, Severity.Success);
        }
        else
        {
            Snackbar.Add(Capitalize(result.ErrorMessage), Severity.Error);
        }
        await LoadAsync();
    }

    private static string Capitalize(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
}
