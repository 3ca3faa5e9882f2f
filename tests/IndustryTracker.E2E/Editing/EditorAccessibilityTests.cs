using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Editing;

/// <summary>axe-core on the pages only editors see, signed in, after the circuit started: no serious or critical violations.</summary>
public sealed class EditorAccessibilityTests(EditorFixture fixture) : IClassFixture<EditorFixture>
{
    [Theory]
    [InlineData("/events/new")]
    [InlineData("/events/{id}/edit")]
    [InlineData("/sources/upload")]
    [InlineData("/companies/tencent/edit")]
    [InlineData("/companies/tencent")]
    public async Task Editor_pages_have_no_serious_accessibility_violations(string address)
    {
        if (address.Contains("{id}", StringComparison.Ordinal))
        {
            address = address.Replace("{id}", (await fixture.CreateEventAsync($"Accessibility test event {Guid.NewGuid():N}")).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var page = await fixture.SignInAsEditorAsync();
        await page.GotoAsync(address);
        await Expect.InteractiveAsync(page, 30_000);

        var serious = Axe.Serious(await Axe.RunAsync(page));

        Assert.True(serious.Count == 0, $"{address}:\n{string.Join("\n", serious)}");
    }
}
