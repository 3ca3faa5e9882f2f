using Bunit;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Web.Components.Pages.Companies;
using IndustryTracker.Web.Components.Pages.Events;

namespace IndustryTracker.Tests.Components.Editing;

/// <summary>The event and company conflict panels: yours against theirs, who saved theirs, and the choices.</summary>
public sealed class ConflictPanelTests : ComponentTestContext
{
    private static readonly DateTimeOffset SavedAt = new(2025, 3, 1, 9, 15, 0, TimeSpan.Zero);

    private static readonly EventDetailDto Theirs = new(
        42, "Their title", null, "product-launch", new DateDto("March 2025", "2025-03-01", "2025-03-31", "month"),
        ["Tencent"], [], "manual", [], null, 4, ["tencent"], [], "first@example.com", SavedAt, null, null);

    [Fact]
    public void The_event_panel_marks_the_fields_that_differ_and_names_who_saved_theirs()
    {
        var cut = Render<EventConflictPanel>(p => p
            .Add(c => c.Theirs, Theirs)
            .Add(c => c.Rows, [new("Title", "My title", "Their title"), new("Date", "March 2025", "March 2025")]));

        var panel = cut.Find("#conflict-panel");
        Assert.Equal("alert", panel.GetAttribute("role"));
        Assert.Contains("Version 4 was saved by first@example.com at 2025-03-01 09:15 UTC", panel.TextContent, StringComparison.Ordinal);
        var title = cut.Find("tr[data-field='Title']");
        Assert.Equal(("true", "My title", "Their title"),
            (title.GetAttribute("data-differs"), title.QuerySelector(".conflict-mine")!.TextContent, title.QuerySelector(".conflict-theirs")!.TextContent));
        Assert.Equal("false", cut.Find("tr[data-field='Date']").GetAttribute("data-differs"));
    }

    [Fact]
    public void The_event_panels_buttons_call_keep_mine_and_take_theirs()
    {
        var (kept, taken) = (0, 0);
        var cut = Render<EventConflictPanel>(p => p
            .Add(c => c.Theirs, Theirs)
            .Add(c => c.Rows, [new("Title", "Mine", "Theirs")])
            .Add(c => c.OnKeepMine, () => kept++)
            .Add(c => c.OnTakeTheirs, () => taken++));

        cut.Find("#conflict-keep-mine").Click();
        cut.Find("#conflict-take-theirs").Click();

        Assert.Equal((1, 1), (kept, taken));
    }

    [Fact]
    public void The_company_panel_offers_a_choice_per_field_and_for_all()
    {
        var state = new CompanyEditState("deepseek", 3, "first@example.com", SavedAt,
            new CompanyEdit("DeepSeek", "model-developer", null, null, null, null, "Open-weights lab.", []));
        var summary = new CompanyEditPage.FieldConflict("summary", "Summary", "Reasoning lab.", "Open-weights lab.");
        var name = new CompanyEditPage.FieldConflict("name", "Name", "DeepSeek AI", "DeepSeek");
        var chosen = new List<string>();
        var cut = Render<CompanyConflictPanel>(p => p
            .Add(c => c.Theirs, state)
            .Add(c => c.Conflicts, [summary, name])
            .Add(c => c.OnKeepMine, conflict => chosen.Add($"mine {conflict.Field}"))
            .Add(c => c.OnTakeTheirs, conflict => chosen.Add($"theirs {conflict.Field}"))
            .Add(c => c.OnKeepAllMine, () => chosen.Add("all mine"))
            .Add(c => c.OnTakeAllTheirs, () => chosen.Add("all theirs")));

        Assert.Contains("first@example.com saved version 3 at 2025-03-01 09:15:00 UTC", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Reasoning lab.", cut.Find("tr[data-field='summary'] .conflict-mine").TextContent);
        cut.Find("button[aria-label='Keep my summary']").Click();
        cut.Find("button[aria-label='Take their name']").Click();
        cut.Find("#conflict-keep-all").Click();
        cut.Find("#conflict-take-all").Click();

        Assert.Equal(["mine summary", "theirs name", "all mine", "all theirs"], chosen);
    }
}
