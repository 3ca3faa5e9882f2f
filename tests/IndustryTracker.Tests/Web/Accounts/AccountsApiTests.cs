using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Web.Accounts;

/// <summary>Account management over the API (admins only), and a user changing their own password.</summary>
public sealed class AccountsApiTests : AccountsApp
{
    private const string Admin = "admin@example.com";
    private const string Editor = "ed@example.com";

    protected override IEnumerable<(string Email, string? Role)> InitialAccounts => [(Admin, Roles.Admin), (Editor, Roles.Editor)];

    [Fact]
    public async Task An_admin_changes_the_role_locks_unlocks_resets_the_password_and_deletes_an_account()
    {
        using var admin = await NewClient().WithBearerAsync(Admin);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/auth/users/{Editor}/role", new { role = "Admin" }, Ct)).StatusCode);
        Assert.Equal(["Admin"], (await UserAsync(admin, Editor)).Roles);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/auth/users/{Editor}/lock", null, Ct)).StatusCode);
        Assert.NotNull((await UserAsync(admin, Editor)).LockedOutUntil);
        using (var locked = await NewClient().LoginAsync(Editor))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/auth/users/{Editor}/unlock", null, Ct)).StatusCode);
        Assert.Null((await UserAsync(admin, Editor)).LockedOutUntil);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/auth/users/{Editor}/password", new { password = "a brand new passphrase" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewClient().LoginAsync(Editor)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NewClient().LoginAsync(Editor, "a brand new passphrase")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/auth/users/{Editor}", Ct)).StatusCode);
        Assert.DoesNotContain(await ListAsync(admin), u => u.Email == Editor);
    }

    [Fact]
    public async Task Bad_input_gets_a_field_problem_and_an_unknown_account_404_and_nothing_changes()
    {
        using var admin = await NewClient().WithBearerAsync(Admin);
        var before = await ListAsync(admin);

        using var badRole = await admin.PutAsJsonAsync($"/api/auth/users/{Editor}/role", new { role = "Owner" }, Ct);
        using var weak = await admin.PutAsJsonAsync($"/api/auth/users/{Editor}/password", new { password = "short" }, Ct);
        using var unknownField = await admin.PutAsJsonAsync($"/api/auth/users/{Editor}/password", new { password = "a brand new passphrase", force = true }, Ct);
        using var unknown = await admin.PostAsync("/api/auth/users/nobody@example.com/lock", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("unknown role 'Owner'", await ErrorAsync(badRole, "role"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("12 characters", await ErrorAsync(weak, "password"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("Unknown field 'force'", await ErrorAsync(unknownField, "force"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await ListAsync(admin)));
        Assert.Equal(HttpStatusCode.OK, (await NewClient().LoginAsync(Editor)).StatusCode);
    }

    [Fact]
    public async Task The_last_admin_can_not_be_demoted_locked_or_deleted_and_no_admin_can_do_that_to_themselves()
    {
        await Factory.CreateUserAsync("second@example.com", Roles.Admin);
        using var admin = await NewClient().WithBearerAsync(Admin);

        using var demoteSelf = await admin.PutAsJsonAsync($"/api/auth/users/{Admin}/role", new { role = "Editor" }, Ct);
        using var lockSelf = await admin.PostAsync($"/api/auth/users/{Admin}/lock", null, Ct);
        using var deleteSelf = await admin.DeleteAsync($"/api/auth/users/{Admin}", Ct);
        Assert.All([demoteSelf, lockSelf, deleteSelf], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("your own account", await ErrorAsync(lockSelf, "account"), StringComparison.Ordinal);

        // With the other admin locked, this one is the last: another admin can't lock it... and the CLI-like service can't either.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/auth/users/second@example.com/lock", null, Ct)).StatusCode);
        await using var scope = Factory.Services.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<Core.Accounts.AccountAdministration>().DeleteAsync(Admin, actor: null, Ct);
        Assert.False(last.Succeeded);
        Assert.Contains("it is the last admin", last.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["Admin"], (await UserAsync(admin, Admin)).Roles);
    }

    [Fact]
    public async Task Editors_and_anonymous_users_can_not_manage_accounts()
    {
        using var editor = await NewClient().WithBearerAsync(Editor);
        using var anonymous = NewClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/auth/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync($"/api/auth/users/{Admin}/lock", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/auth/users/{Editor}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/password", new { currentPassword = "x", newPassword = "a brand new passphrase" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/auth/logout", null, Ct)).StatusCode);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(Admin))!));
        Assert.NotNull(await users.FindByEmailAsync(Editor));
    }

    [Fact]
    public async Task A_signed_in_user_changes_their_own_password_with_the_current_one()
    {
        using var editor = await NewClient().WithBearerAsync(Editor);

        using var wrong = await editor.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not the password at all", newPassword = "a brand new passphrase" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("current password is wrong", await ErrorAsync(wrong, "password"), StringComparison.Ordinal);

        using var changed = await editor.PostAsJsonAsync("/api/auth/password", new { currentPassword = AccountsTestKit.Password, newPassword = "a brand new passphrase" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewClient().LoginAsync(Editor)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NewClient().LoginAsync(Editor, "a brand new passphrase")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_services_resolve_under_development_scope_validation()
    {
        // Development validates scopes on build: a singleton holding a scoped service (Identity's hasher is scoped)
        // stops the app there, though the test environment would not notice.
        await using var validated = Factory.WithWebHostBuilder(builder =>
            builder.UseDefaultServiceProvider(options => { options.ValidateScopes = true; options.ValidateOnBuild = true; }));
        using var client = validated.CreateClient();

        using var unknown = await client.LoginAsync("nobody@example.com", "not the password at all");
        using var known = await client.LoginAsync(Editor);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    private sealed record User(string Email, string[] Roles, DateTimeOffset? LockedOutUntil);

    private static async Task<User[]> ListAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<User[]>("/api/auth/users", Ct))!;

    private static async Task<User> UserAsync(HttpClient admin, string email) => Assert.Single(await ListAsync(admin), u => u.Email == email);

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return string.Join(" ", json.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }
}
