using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Editing;

/// <summary>
/// axe-core on the editing, review and account pages, signed in as an editor (the accounts page as the admin) after the circuit started (sign-in: signed out,
/// static), in light and dark mode, at 1400 px and 375 px: no serious or critical violations, and at 375 px the page
/// itself does not scroll sideways.
/// </summary>
public sealed class EditorAccessibilityTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    public static TheoryData<string> Pages() =>
    [
        "/events/new", "/events/{id}/edit", "/events/deleted", "/sources/upload", "/companies/tencent/edit", "/companies/tencent",
        "/review", "/account/password", "/admin/users", "/login", "/access-denied",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Editor_pages_have_no_serious_accessibility_violations(string address)
    {
        if (address.Contains("{id}", StringComparison.Ordinal))
        {
            address = address.Replace("{id}", (await fixture.CreateEventAsync($"Accessibility test event {Guid.NewGuid():N}")).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var signedIn = address != "/login";
        var page = await fixture.NewPageAsync();
        if (signedIn)
        {
            // The accounts page is the admin's; every other signed-in page is an editor's. One sign-in serves every view.
            var email = address == "/admin/users" ? EditorFixture.AdminEmail : EditorFixture.EditorEmail;
            await EditorFixture.SignInAsync(page, email, EditorFixture.Password);
        }
        // The password form is static SSR, like sign-in: it never starts a circuit.
        var interactive = signedIn && address != "/account/password";

        var problems = await Axe.CheckEveryViewAsync(page, fixture.Server.BaseUri, address,
            p => interactive ? Expect.InteractiveAsync(p, 30_000) : Task.CompletedTask);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
