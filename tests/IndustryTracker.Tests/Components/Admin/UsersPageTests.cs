using Bunit;
using IndustryTracker.Core;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Core.Data;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Components.Admin;

/// <summary>
/// /admin/users on a real database: the list, a lock confirmed in the dialog (snackbar, row state, database), a
/// cancelled delete that changes nothing, and a refused change of one's own account shown as an error snackbar.
/// </summary>
public sealed class UsersPageTests : ComponentTestContext, IAsyncLifetime
{
    private const string Admin = "admin@example.com";
    private const string Editor = "ed@example.com";
    private const string Password = "a long enough passphrase";

    private TestDatabase _database = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = _database.Options.ConnectionString,
            [$"{DatabaseOptions.Section}:Provider"] = _database.Options.Provider.ToString(),
        }).Build();
        Services.AddLogging();
        Services.AddIndustryTrackerCore(configuration).AddIndustryTrackerAccounts();
        AddAuthorization().SetAuthorized(Admin).SetRoles(AccountRoles.Admin);
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        Assert.True((await accounts.CreateAsync(Admin, Password, AccountRoles.Admin, Ct)).Succeeded);
        Assert.True((await accounts.CreateAsync(Editor, Password, AccountRoles.Editor, Ct)).Succeeded);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Lists_every_account_with_its_role_and_state()
    {
        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Equal([Admin, Editor], page.FindAll(".account-row-email").Select(e => e.TextContent.Trim())));
        Assert.Equal(2, page.FindAll(".account-active").Count);
        Assert.Empty(page.FindAll(".account-locked"));
    }

    [Fact]
    public async Task Locking_is_confirmed_in_a_dialog_then_shown_in_a_snackbar_the_row_and_the_database()
    {
        var providers = RenderProviders();
        var page = Render<UsersPage>();
        page.WaitForElement("#lock-ed-example-com").Click();

        providers.WaitForAssertion(() => Assert.Contains($"Lock {Editor}?", providers.Find("#confirm-question").TextContent, StringComparison.Ordinal));
        providers.Find("#confirm-ok").Click();

        providers.WaitForAssertion(() => Assert.Contains($"Locked {Editor}.", providers.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".account-locked")));
        Assert.NotNull(page.Find("#unlock-ed-example-com"));
        Assert.True(await IsLockedAsync(Editor));
    }

    [Fact]
    public async Task A_cancelled_delete_changes_nothing()
    {
        var providers = RenderProviders();
        var page = Render<UsersPage>();
        page.WaitForElement("#delete-ed-example-com").Click();

        providers.WaitForElement("#confirm-cancel").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#confirm-dialog")));
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(Editor));
    }

    [Fact]
    public async Task Locking_ones_own_account_is_refused_with_an_error_snackbar()
    {
        var providers = RenderProviders();
        var page = Render<UsersPage>();
        page.WaitForElement("#lock-admin-example-com").Click();

        providers.WaitForElement("#confirm-ok").Click();

        providers.WaitForAssertion(() => Assert.Contains("You can't lock your own account", providers.Markup, StringComparison.Ordinal));
        Assert.False(await IsLockedAsync(Admin));
    }

    private async Task<bool> IsLockedAsync(string email)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }
}
