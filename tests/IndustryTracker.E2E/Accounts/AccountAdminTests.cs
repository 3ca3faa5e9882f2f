using System.Net;
using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Accounts;

/// <summary>An admin locks an editor on /admin/users; the editor's cookie and bearer token are refused on their next request.</summary>
public sealed class AccountAdminTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    private const string Victim = "locked-editor@example.com";

    [Fact]
    public async Task An_admin_locks_an_editor_and_the_editors_next_requests_are_refused()
    {
        await fixture.CreateAccountAsync(Victim, "Editor");
        var editorPage = await fixture.NewPageAsync();
        await EditorFixture.SignInAsync(editorPage, Victim, EditorFixture.Password);
        using var editorApi = await fixture.ApiAsync(Victim);
        Assert.Equal(HttpStatusCode.OK, (await editorApi.GetAsync("api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(200, (await editorPage.Context.APIRequest.GetAsync("/api/auth/me")).Status);

        var admin = await fixture.NewPageAsync();
        await EditorFixture.SignInAsync(admin, EditorFixture.AdminEmail, EditorFixture.Password, "/admin/users");
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("/admin/users$"));
        await Expect.InteractiveAsync(admin);
        await admin.Locator("#lock-locked-editor-example-com").ClickAsync();
        await Assertions.Expect(admin.Locator("#confirm-question")).ToContainTextAsync($"Lock {Victim}?");
        await admin.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(admin.GetByText($"Locked {Victim}.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#unlock-locked-editor-example-com")).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await editorApi.GetAsync("api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(401, (await editorPage.Context.APIRequest.GetAsync("/api/auth/me")).Status);
        await editorPage.GotoAsync("/events/deleted");
        await Assertions.Expect(editorPage).ToHaveURLAsync(new Regex("/login"));
    }
}
