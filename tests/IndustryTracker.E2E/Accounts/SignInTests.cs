using System.Text.RegularExpressions;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Accounts;

/// <summary>Signing in and out in Chromium through the /login form and the header's sign-out button.</summary>
public sealed class SignInTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    [Fact]
    public async Task An_editor_signs_in_through_the_form_sees_the_email_in_the_header_and_signs_out()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/timeline");
        await Expect.InteractiveAsync(page);
        await Assertions.Expect(page.Locator("#sign-in")).ToHaveTextAsync("Sign in");

        await page.Locator("#sign-in").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Ftimeline$"));
        await page.GetByLabel("Email").FillAsync(EditorFixture.EditorEmail);
        await page.GetByLabel("Password").FillAsync(EditorFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/timeline$"));
        await Assertions.Expect(page.Locator("#account-email")).ToHaveTextAsync(EditorFixture.EditorEmail);
        await Expect.InteractiveAsync(page);

        await page.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in")).ToHaveTextAsync("Sign in");
        await Assertions.Expect(page.Locator("#account-email")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_clear_message()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(EditorFixture.EditorEmail);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
    }

    [Fact]
    public async Task The_reusable_helper_signs_in_as_the_editor()
    {
        var page = await fixture.SignInAsEditorAsync("/companies");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/companies$"));
        await Assertions.Expect(page.Locator("#account-email")).ToHaveTextAsync(EditorFixture.EditorEmail);
    }
}
