using IndustryTracker.Core.Contracts;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Components.Pages.Timeline;

namespace IndustryTracker.Tests.Web.Pages;

public sealed class EventItemTests
{
    private static Task<string> RenderAsync(EventDto item, IReadOnlyDictionary<string, string>? titles = null) =>
        ComponentRenderer.RenderAsync<EventItem>(new Dictionary<string, object?> { ["Event"] = item, ["ArticleTitles"] = titles });

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
    public async Task Renders_the_date_as_written_with_its_precision_and_range()
    {
        var html = await RenderAsync(Weixin);

        Assert.Contains("class=\"timeline-event\" data-event-id=\"42\"", html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2025-02-11\">Mid-February, 2025</time>", html, StringComparison.Ordinal);
        Assert.Contains("data-precision=\"part-of-month\"", html, StringComparison.Ordinal);
        Assert.Contains(">Part of month</span>", html, StringComparison.Ordinal);
        Assert.Contains("2025-02-11 – 2025-02-20", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Integration adoption", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_companies_to_their_profiles_and_lists_models()
    {
        var html = await RenderAsync(Weixin);

        Assert.Contains("<a class=\"company-link\" href=\"companies/deepseek\">DeepSeek</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"companies/tencent-holdings-ltd\">Tencent Holdings Ltd.</a>", html, StringComparison.Ordinal);
        Assert.Contains("DeepSeek-R1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_each_source_quote_with_article_and_paragraph()
    {
        var withoutTitle = await RenderAsync(Weixin);
        var withTitle = await RenderAsync(Weixin, new Dictionary<string, string> { ["001_caixin.txt"] = "Cover Story" });

        Assert.Contains("“Tencent integrated DeepSeek into Weixin”", withoutTitle, StringComparison.Ordinal);
        Assert.Contains(">001_caixin.txt</cite>", withoutTitle, StringComparison.Ordinal);
        Assert.Contains("paragraph 3", withoutTitle, StringComparison.Ordinal);
        Assert.Contains(">Cover Story (001_caixin.txt)</cite>", withTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_so_when_an_event_has_no_source()
    {
        var html = await RenderAsync(Weixin with { Sources = [] });

        Assert.Contains("No source quote recorded.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("source-quote", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_day_shows_one_date_not_a_range()
    {
        var html = await RenderAsync(Weixin with { Date = new DateDto("Jan. 20, 2025", "2025-01-20", "2025-01-20", "day") });

        Assert.Contains(">Day</span>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"date-range\">2025-01-20</span>", html, StringComparison.Ordinal);
    }
}
