using System.Net;
using System.Text.RegularExpressions;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Pages;

/// <summary>The reading pages, prerendered from the URL alone: landscape, timeline filters and facets, models, investments, sources, profiles.</summary>
public sealed partial class ReadingPagesTests : WebAppTest
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
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task The_landscape_groups_companies_by_category_with_chips_linking_to_profiles()
    {
        var html = await GetHtmlAsync("/");

        Assert.Contains("<title>IndustryTracker · China's AI industry at a glance</title>", html, StringComparison.Ordinal);
        Assert.Matches("data-category=\"big-tech\"[\\s\\S]*href=\"companies/tencent\"", html);
        Assert.Matches("data-category=\"model-developer\"[\\s\\S]*href=\"companies/deepseek\"", html);
        Assert.Matches("data-category=\"cloud-maas\"[\\s\\S]*href=\"companies/alibaba-cloud\"", html);
        Assert.Contains("id=\"count-models\">2<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"count-investments\">2<", html, StringComparison.Ordinal);
        Assert.Matches("id=\"latest-events\"[\\s\\S]*Baidu plans Ernie 5", html);
        Assert.Contains("href=\"timeline?from=2025-02-01&to=2025-02-28\">2025-02<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_landscape_lists_the_largest_investments_in_USD()
    {
        await using (var db = Database.CreateContext())
        {
            var capex = await db.Investments.SingleAsync(i => i.Money != null, Ct);
            capex.ConvertToUsd(0.137m, new DateOnly(2025, 2, 24), "test rate");
            await db.SaveChangesAsync(Ct);
        }

        var html = await GetHtmlAsync("/");

        Assert.Matches("id=\"largest-investments\"[\\s\\S]*US\\$52,060,000,000[\\s\\S]*Alibaba Group Holding Ltd\\.", html);
    }

    [Fact]
    public async Task The_timeline_searches_full_text_and_links_facets_and_downloads_with_the_same_filters()
    {
        var html = await GetHtmlAsync("/timeline?q=choose");

        Assert.Equal([EventId("Tencent integrates DeepSeek into Weixin")], EventIds(html));
        Assert.Matches("id=\"q-filter\"[^>]*value=\"choose\"|value=\"choose\"[^>]*id=\"q-filter\"", html);
        Assert.Contains("href=\"timeline?from=2025-02-01&to=2025-02-28&q=choose\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"api/events.csv?q=choose\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"feed.atom?q=choose\"", html, StringComparison.Ordinal);
        Assert.Contains("Mid-February, 2025", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_filters_by_category_and_model_and_counts_facets()
    {
        var html = await GetHtmlAsync("/timeline?category=product-launch&model=deepseek-r1");
        Assert.Equal([EventId("DeepSeek releases R1")], EventIds(html));
        Assert.Contains("data-facet=\"category\" data-value=\"product-launch\"", html, StringComparison.Ordinal);

        var all = await GetHtmlAsync("/timeline?category=product-launch");
        Assert.Equal(3, EventIds(all).Count);
        // A facet is a link to the filter, its count inside.
        Assert.Matches("<a class=\"facet-link\" href=\"timeline\\?from=2025-01-01&(amp;)?to=2025-01-31&(amp;)?category=product-launch\" data-facet=\"month\" data-value=\"2025-01\">2025-01 <span class=\"facet-count\">2<", all);
    }

    [Fact]
    public async Task The_timeline_never_renders_more_than_100_rows()
    {
        await using (var db = Database.CreateContext())
        {
            for (var i = 0; i < 120; i++)
            {
                db.Add(new TimelineEvent($"Bulk event {i}", FuzzyDate.Day(new DateOnly(2024, 1, 1).AddDays(i)), EventCategory.Other, EventOrigin.Import));
            }
            await db.SaveChangesAsync(Ct);
        }

        var html = await GetHtmlAsync("/timeline?pageSize=500");
        var second = await GetHtmlAsync("/timeline?pageSize=500&page=2");

        Assert.Equal(100, EventIds(html).Count);
        Assert.Contains("Page 1 of 2", html, StringComparison.Ordinal);
        Assert.Equal(25, EventIds(second).Count);
        Assert.Equal(50, EventIds(await GetHtmlAsync("/timeline")).Count);
    }

    [Theory]
    [InlineData("/timeline?page=99999999&pageSize=100")]
    [InlineData("/companies?page=99999999&pageSize=100")]
    [InlineData("/investments?page=99999999&pageSize=100")]
    public async Task A_page_number_past_the_last_possible_page_shows_an_empty_page_not_an_error(string url)
    {
        // page × pageSize beyond an int: the page is clamped to the last page that can exist, which holds nothing.
        var html = await GetHtmlAsync(url);

        Assert.Empty(EventIds(html));
        Assert.DoesNotContain("DeepSeek releases R1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_filter_by_kind_and_a_model_page_shows_developer_quotes_and_events()
    {
        var all = await GetHtmlAsync("/models");
        Assert.Contains("href=\"models/deepseek-r1\"", all, StringComparison.Ordinal);
        Assert.Contains("href=\"models/qwen2-5-max\"", all, StringComparison.Ordinal);

        var reasoning = await GetHtmlAsync("/models?kind=reasoning");
        Assert.Contains("href=\"models/deepseek-r1\"", reasoning, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"models/qwen2-5-max\"", reasoning, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"models/deepseek-r1\"", await GetHtmlAsync("/models?developer=alibaba-cloud"), StringComparison.Ordinal);

        var r1 = await GetHtmlAsync("/models/deepseek-r1");
        Assert.Contains("<title>DeepSeek-R1 · Models · IndustryTracker</title>", r1, StringComparison.Ordinal);
        Assert.Matches("id=\"model-developer\"><a href=\"companies/deepseek\">DeepSeek</a>", r1);
        Assert.Contains("DeepSeek's R1 reasoning model", r1, StringComparison.Ordinal);
        Assert.Equal([EventId("DeepSeek releases R1")], EventIds(r1));

        await GetHtmlAsync("/models/no-such-model", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Investments_show_amount_as_reported_USD_with_its_FX_rate_lead_investors_and_filters()
    {
        await using (var db = Database.CreateContext())
        {
            var capex = await db.Investments.SingleAsync(i => i.Money != null, Ct);
            capex.ConvertToUsd(0.137m, new DateOnly(2025, 2, 24), "test rate");
            await db.SaveChangesAsync(Ct);
        }

        var html = await GetHtmlAsync("/investments");
        Assert.Contains("380 billion yuan, over three years", html, StringComparison.Ordinal);
        Assert.Contains("title=\"Converted at 0.137 USD per CNY on 2025-02-24 (test rate)\">US$52,060,000,000", html, StringComparison.Ordinal);
        Assert.Matches("Tencent</a>\\s*<span class=\"badge lead\">lead</span>", html);
        Assert.Contains("href=\"api/investments.csv\"", html, StringComparison.Ordinal);

        var funding = await GetHtmlAsync("/investments?kind=funding-round");
        Assert.DoesNotContain("380 billion yuan", funding, StringComparison.Ordinal);
        Assert.Contains("href=\"api/investments.csv?kind=funding-round\"", funding, StringComparison.Ordinal);
        Assert.Contains("1 investment<", funding, StringComparison.Ordinal);
        Assert.Contains("0 investments<", await GetHtmlAsync("/investments?company=baidu"), StringComparison.Ordinal);
    }

    [GeneratedRegex("class=\"strip-bar\" href=\"[^\"]*#event-(\\d+)\"")]
    private static partial Regex StripBarPattern();

    [Fact]
    public async Task The_visual_timeline_places_one_bar_per_listed_event_and_the_home_page_counts_events_per_month()
    {
        var html = await GetHtmlAsync("/timeline?company=tencent");
        var listed = EventIds(html);
        Assert.NotEmpty(listed);
        Assert.Contains("class=\"timeline-strip\"", html, StringComparison.Ordinal);
        Assert.Equal(listed, [.. StripBarPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))]);

        var home = await GetHtmlAsync("/");
        Assert.Contains("id=\"events-per-month\"", home, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\"><a href=\"timeline\\?from=2025-01-01&(amp;)?to=2025-01-31\">[^<]+</a></th><td>\\d+</td>", home);
    }

    [Fact]
    public async Task The_investment_totals_chart_toggles_between_company_and_month_and_keeps_the_filters()
    {
        await using (var db = Database.CreateContext())
        {
            var capex = await db.Investments.SingleAsync(i => i.Money != null, Ct);
            capex.ConvertToUsd(0.137m, new DateOnly(2025, 2, 24), "test rate");
            await db.SaveChangesAsync(Ct);
        }

        var byCompany = await GetHtmlAsync("/investments?kind=capital-expenditure-plan");
        Assert.Contains("Totals by company (USD)", byCompany, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">Alibaba[^<]*</th><td>US\\$52,060,000,000</td>", byCompany);
        Assert.Matches("id=\"totals-by-month\" class=\"facet-link\" href=\"investments\\?kind=capital-expenditure-plan&(amp;)?totals=month\"", byCompany);

        var byMonth = await GetHtmlAsync("/investments?kind=capital-expenditure-plan&totals=month");
        Assert.Contains("Totals by month (USD)", byMonth, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2025-02</th><td>US$52,060,000,000</td>", byMonth, StringComparison.Ordinal);
        Assert.Matches("id=\"totals-by-month\"[^>]*aria-current=\"true\"", byMonth);
    }

    [Fact]
    public async Task A_source_shows_numbered_paragraphs_with_what_was_extracted_from_each_linked()
    {
        int id;
        await using (var db = Database.CreateContext())
        {
            id = await db.Articles.Select(a => a.Id).SingleAsync(Ct);
        }
        Assert.Contains($"href=\"sources/{id}\"", await GetHtmlAsync("/sources"), StringComparison.Ordinal);

        var html = await GetHtmlAsync($"/sources/{id}");
        Assert.Contains("id=\"p2\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"p2\"[\\s\\S]*Paragraph 2[\\s\\S]*data-kind=\"event\"[\\s\\S]*href=\"timeline\\?from=2025-02-11&to=2025-02-20#event-\\d+\">Tencent integrates DeepSeek into Weixin", html);
        Assert.Matches("id=\"p1\"[\\s\\S]*href=\"companies/deepseek\">DeepSeek</a>[\\s\\S]*href=\"models/deepseek-r1\">DeepSeek-R1</a>[\\s\\S]*id=\"p2\"", html);
        await GetHtmlAsync("/sources/99999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_profile_lists_relations_linked_to_their_events_and_quotes_grouped_by_article()
    {
        var html = await GetHtmlAsync("/companies/tencent");
        var weixin = EventId("Tencent integrates DeepSeek into Weixin");

        Assert.Matches($"data-relation=\"integrated\"[\\s\\S]*href=\"companies/deepseek\">DeepSeek</a>[\\s\\S]*href=\"companies/tencent#event-{weixin}\">Tencent integrates DeepSeek into Weixin", html);
        Assert.Contains($"id=\"event-{weixin}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"api/events.csv?company=tencent\"", html, StringComparison.Ordinal);

        var alibaba = await GetHtmlAsync("/companies/alibaba-group-holding-ltd");
        Assert.Matches("class=\"quote-group\" data-article=\"001_test_article.txt\"[\\s\\S]*Alibaba announced a significant investment", alibaba);
    }
}
