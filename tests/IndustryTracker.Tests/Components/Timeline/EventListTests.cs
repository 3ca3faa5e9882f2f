using Bunit;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Web.Components.Pages.Timeline;
using IndustryTracker.Web.Security;

namespace IndustryTracker.Tests.Components.Timeline;

public sealed class EventListTests : ComponentTestContext
{
    private IRenderedComponent<EventList> RenderItem(EventDto item, IReadOnlyDictionary<string, string>? titles = null) =>
        Render<EventList>(p => p.Add(c => c.Events, [item]).Add(c => c.ArticleTitles, titles));

    private static readonly EventDto Weixin = new(
        42,
        "Tencent integrates DeepSeek into Weixin",
        null,
        "integration-adoption",
        new DateDto("Mid-February, 2025", "2025-02-11", "2025-02-20", "part-of-month"),
        ["DeepSeek", "Tencent Holdings Ltd."],
        ["DeepSeek-R1"],
        "import",
        [new SourceDto("001_caixin.txt", 3, "Tencent integrated DeepSeek into Weixin")]);

    [Fact]
    public void Renders_the_date_as_written_with_its_precision_and_range()
    {
        var cut = RenderItem(Weixin);

        Assert.Equal("42", cut.Find("article").GetAttribute("data-event-id"));
        var time = cut.Find("time");
        Assert.Equal(("2025-02-11", "Mid-February, 2025"), (time.GetAttribute("datetime"), time.TextContent));
        Assert.NotNull(cut.Find("[data-precision='part-of-month']"));
        Assert.Contains(cut.FindAll("span"), span => span.TextContent == "Part of month");
        Assert.Contains("2025-02-11 – 2025-02-20", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Integration adoption", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Marks_a_planned_event_with_a_badge_and_a_done_one_without()
    {
        Assert.Empty(RenderItem(Weixin).FindAll(".event-planned"));

        var planned = RenderItem(Weixin with { IsPlanned = true });

        Assert.Equal("planned", planned.Find("header .event-planned.badge").TextContent);
    }

    [Fact]
    public void Links_companies_to_their_profiles_and_lists_models()
    {
        var cut = RenderItem(Weixin);

        var links = cut.FindAll("a.company-link").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("companies/deepseek", "DeepSeek"), ("companies/tencent-holdings-ltd", "Tencent Holdings Ltd.")], links);
        Assert.Contains("DeepSeek-R1", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_each_source_quote_with_article_and_paragraph()
    {
        var withoutTitle = RenderItem(Weixin);
        Assert.Equal("“Tencent integrated DeepSeek into Weixin”", withoutTitle.Find("blockquote").TextContent);
        Assert.Equal("001_caixin.txt", withoutTitle.Find("cite").TextContent);
        Assert.Equal("paragraph 3", withoutTitle.Find("a.source-paragraph").TextContent);

        var withTitle = RenderItem(Weixin, new Dictionary<string, string> { ["001_caixin.txt"] = "Cover Story" });
        Assert.Equal("Cover Story (001_caixin.txt)", withTitle.Find("cite").TextContent);
    }

    [Fact]
    public void Says_so_when_an_event_has_no_source()
    {
        var cut = RenderItem(Weixin with { Sources = [] });

        Assert.Contains("No source quote recorded.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("blockquote"));
    }

    [Fact]
    public void A_single_day_shows_one_date_not_a_range()
    {
        var cut = RenderItem(Weixin with { Date = new DateDto("Jan. 20, 2025", "2025-01-20", "2025-01-20", "day") });

        Assert.Contains(cut.FindAll("span"), span => span.TextContent == "Day");
        Assert.Equal("2025-01-20", cut.Find(".date-range").TextContent);
    }

    [Fact]
    public void Shows_no_edit_link_without_an_authentication_state()
    {
        var cut = RenderItem(Weixin);

        Assert.Empty(cut.FindAll("a[href='events/42/edit']"));
    }

    [Fact]
    public void Lists_the_events_in_the_order_given_each_in_its_own_row()
    {
        var later = Weixin with { Id = 43, Title = "Tencent opens Yuanbao to DeepSeek" };

        var cut = Render<EventList>(p => p.Add(c => c.Events, [later, Weixin]));

        Assert.Equal(["43", "42"], cut.FindAll("ol.timeline-list > li > article").Select(a => a.GetAttribute("data-event-id")));
    }

    [Fact]
    public void An_editor_gets_an_edit_link_on_every_event()
    {
        AddAuthorization().SetAuthorized("editor@example.com").SetPolicies(Policies.CanEdit);
        var later = Weixin with { Id = 43, Title = "Tencent opens Yuanbao to DeepSeek" };

        var cut = Render<EventList>(p => p.Add(c => c.Events, [Weixin, later]));

        Assert.Equal(
            [("events/42/edit", "Edit Tencent integrates DeepSeek into Weixin"), ("events/43/edit", "Edit Tencent opens Yuanbao to DeepSeek")],
            cut.FindAll("a.edit-link").Select(a => (a.GetAttribute("href"), a.GetAttribute("aria-label"))));
    }

    [Fact]
    public void A_signed_in_reader_without_the_editor_policy_gets_no_edit_link()
    {
        AddAuthorization().SetAuthorized("reader@example.com");

        var cut = Render<EventList>(p => p.Add(c => c.Events, [Weixin]));

        Assert.Single(cut.FindAll("article.timeline-event"));
        Assert.Empty(cut.FindAll("a.edit-link"));
    }

    [Fact]
    public void While_the_sign_in_is_being_checked_the_events_show_without_edit_links()
    {
        AddAuthorization().SetAuthorizing();

        var cut = Render<EventList>(p => p.Add(c => c.Events, [Weixin]));

        Assert.Equal("Tencent integrates DeepSeek into Weixin", cut.Find("article.timeline-event h3").TextContent);
        Assert.Empty(cut.FindAll("a.edit-link"));
    }
}
