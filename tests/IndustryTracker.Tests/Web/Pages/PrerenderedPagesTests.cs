using System.Net;
using System.Text.RegularExpressions;

namespace IndustryTracker.Tests.Web.Pages;

/// <summary>The pages are prerendered: their first HTML already holds the data the URL asks for.</summary>
public sealed partial class PrerenderedPagesTests : WebAppTest
{
    [GeneratedRegex("class=\"timeline-event\" data-event-id=\"(\\d+)\"")]
    private static partial Regex EventIdPattern();

    private static List<int> EventIds(string html) =>
        [.. EventIdPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private async Task<string> GetHtmlAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    [Fact]
    public async Task The_timeline_restores_companies_and_dates_from_the_query_string()
    {
        var html = await GetHtmlAsync("/timeline?company=deepseek&company=baidu&from=2025-02-01&to=2025-12-31");

        Assert.Equal([EventId("Tencent integrates DeepSeek into Weixin"), EventId("Baidu plans Ernie 5")], EventIds(html));
        Assert.Contains("id=\"result-count\"", html, StringComparison.Ordinal);
        Assert.Contains(">2 events<", html, StringComparison.Ordinal);
        Assert.Matches("id=\"date-filter-start\"[^>]*value=\"2025-02-01\"|value=\"2025-02-01\"[^>]*id=\"date-filter-start\"", html);
        Assert.Matches("id=\"date-filter-end\"[^>]*value=\"2025-12-31\"|value=\"2025-12-31\"[^>]*id=\"date-filter-end\"", html);
        // The company dropdown shows both chosen companies as chips.
        Assert.Contains("DeepSeek", html, StringComparison.Ordinal);
        Assert.Contains("Baidu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_shows_the_date_as_written_its_precision_companies_and_quotes()
    {
        var html = await GetHtmlAsync("/timeline?company=tencent");

        Assert.Equal([EventId("Tencent integrates DeepSeek into Weixin")], EventIds(html));
        Assert.Contains(">1 event<", html, StringComparison.Ordinal);
        Assert.Contains("data-interactive=\"false\"", html, StringComparison.Ordinal); // prerendered, not yet live
        Assert.Contains("Mid-February, 2025", html, StringComparison.Ordinal);
        Assert.Contains("data-precision=\"part-of-month\"", html, StringComparison.Ordinal);
        Assert.Contains("Part of month", html, StringComparison.Ordinal);
        Assert.Contains("href=\"companies/tencent\"", html, StringComparison.Ordinal);
        Assert.Contains("In mid-February, Tencent integrated DeepSeek into Weixin", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_without_filters_lists_every_event_in_date_order()
    {
        var html = await GetHtmlAsync("/timeline");

        Assert.Equal(
            [
                EventId("Alibaba Cloud launches Qwen2.5-Max"),
                EventId("DeepSeek releases R1"),
                EventId("Tencent integrates DeepSeek into Weixin"),
                EventId("Alibaba announces 380 billion yuan AI spending"),
                EventId("Baidu plans Ernie 5"),
            ],
            EventIds(html));
    }

    [Fact]
    public async Task The_timeline_for_an_unknown_company_shows_no_events()
    {
        var html = await GetHtmlAsync("/timeline?company=nobody");

        Assert.Empty(EventIds(html));
        Assert.Contains(">0 events<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_profile_shows_its_facts_models_events_and_sources()
    {
        var html = await GetHtmlAsync("/companies/deepseek");

        Assert.Contains("<h1 id=\"company-name\">DeepSeek</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Hangzhou DeepSeek Artificial Intelligence", html, StringComparison.Ordinal);
        Assert.Contains("DeepSeek-R1", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"released\"", html, StringComparison.Ordinal);
        Assert.Equal([EventId("DeepSeek releases R1"), EventId("Tencent integrates DeepSeek into Weixin")], EventIds(html));
        Assert.Contains("DeepSeek has shaken up the global tech industry", html, StringComparison.Ordinal);
        Assert.Contains("Cover Story: DeepSeek Sets Up Race", html, StringComparison.Ordinal);
        Assert.Contains("paragraph 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_profile_links_parent_and_subsidiaries()
    {
        var cloud = await GetHtmlAsync("/companies/alibaba-cloud");
        var group = await GetHtmlAsync("/companies/alibaba-group-holding-ltd");

        Assert.Matches("id=\"company-parent\"><a[^>]*href=\"companies/alibaba-group-holding-ltd\"", cloud);
        Assert.Matches("id=\"company-subsidiaries\">[\\s\\S]*href=\"companies/alibaba-cloud\"", group);
        Assert.Contains("380 billion yuan", group, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_company_profile_is_a_404_page()
    {
        var html = await GetHtmlAsync("/companies/nobody", HttpStatusCode.NotFound);

        Assert.Contains("Company not found", html, StringComparison.Ordinal);
        Assert.Contains("nobody", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_company_list_restores_its_search_from_the_query_string()
    {
        var html = await GetHtmlAsync("/companies?q=aliyun");

        Assert.Contains("href=\"companies/alibaba-cloud\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"companies/baidu\"", html, StringComparison.Ordinal);
        Assert.Contains(">1 company<", html, StringComparison.Ordinal);
        Assert.Matches("value=\"aliyun\"", html);
    }

    [Fact]
    public async Task The_company_list_filters_by_category_from_the_query_string()
    {
        var html = await GetHtmlAsync("/companies?category=big-tech");

        Assert.Contains(">3 companies<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"companies/deepseek\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_headline_counts()
    {
        var html = await GetHtmlAsync("/");

        Assert.Matches("id=\"count-companies\">5<", html);
        Assert.Matches("id=\"count-events\">5<", html);
        Assert.Matches("id=\"count-articles\">1<", html);
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_page()
    {
        var html = await GetHtmlAsync("/no/such/page", HttpStatusCode.NotFound);

        Assert.Contains("Not found", html, StringComparison.Ordinal);
    }
}
