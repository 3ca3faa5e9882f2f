using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Editing;

/// <summary>
/// axe-core on the editing, review and account pages, signed in as an editor (the accounts page as the admin) after the circuit started (sign-in: signed out,
/// static), in light and dark mode, at 1400 px and 375 px: no serious or critical violations, and at 375 px the page
/// itself does not scroll sideways.
/// </summary>
public sealed class EditorAccessibilityTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var address in new[] { "/events/new", "/events/{id}/edit", "/events/deleted", "/sources/upload", "/companies/tencent/edit", "/companies/tencent", "/review", "/account/password", "/admin/users", "/login", "/access-denied" })
        {
            foreach (var theme in new[] { "light", "dark" })
            {
                foreach (var width in new[] { 1400, 375 })
                {
                    data.Add(address, theme, width);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Editor_pages_have_no_serious_accessibility_violations(string address, string theme, int width)
    {
        if (address.Contains("{id}", StringComparison.Ordinal))
        {
            address = address.Replace("{id}", (await fixture.CreateEventAsync($"Accessibility test event {Guid.NewGuid():N}")).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var signedIn = address != "/login";
        var page = await fixture.NewPageAsync();
        if (signedIn)
        {
            // The accounts page is the admin's; every other signed-in page is an editor's.
            var email = address == "/admin/users" ? EditorFixture.AdminEmail : EditorFixture.EditorEmail;
            await EditorFixture.SignInAsync(page, email, EditorFixture.Password);
        }
        // The theme switch keeps the reader's choice in the "theme" cookie; the prerender reads it.
        await page.Context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Url = fixture.Server.BaseUri.ToString() }]);
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync(address);
        if (signedIn && address != "/account/password") // the password form is static SSR, like sign-in
        {
            await Expect.InteractiveAsync(page, 30_000);
        }
        await Assertions.Expect(page.Locator("#app-status")).ToHaveAttributeAsync("data-theme", theme);

        var serious = Axe.Serious(await Axe.RunAsync(page));

        Assert.True(serious.Count == 0, $"{address} ({theme}, {width} px):\n{string.Join("\n", serious)}");
        if (width <= 375)
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{address} ({theme}) scrolls sideways by {overflow} px at {width} px");
        }
    }
}
