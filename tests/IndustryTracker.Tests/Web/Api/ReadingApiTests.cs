using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Api;

/// <summary>The reading side's API: event filters and facets, models, investments, sources, CSV exports.</summary>
public sealed class ReadingApiTests : WebAppTest
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string?> Strings(JsonElement array, string? property = null) =>
        [.. array.EnumerateArray().Select(e => property is null ? e.GetString() : e.GetProperty(property).GetString())];

    private async Task<List<string?>> EventTitlesAsync(string queryString) =>
        Strings((await GetJsonAsync("/api/events" + queryString)).GetProperty("items"), "title");

    [Theory]
    [InlineData("?category=integration-adoption", new[] { "Tencent integrates DeepSeek into Weixin" })]
    [InlineData("?category=integration-adoption&category=investment", new[] { "Tencent integrates DeepSeek into Weixin", "Alibaba announces 380 billion yuan AI spending" })]
    [InlineData("?model=deepseek-r1", new[] { "DeepSeek releases R1" })]
    [InlineData("?model=deepseek-r1&model=qwen2-5-max", new[] { "Alibaba Cloud launches Qwen2.5-Max", "DeepSeek releases R1" })]
    [InlineData("?q=choose", new[] { "Tencent integrates DeepSeek into Weixin" })]
    [InlineData("?q=yuan", new[] { "Alibaba announces 380 billion yuan AI spending" })]
    [InlineData("?q=alibaba&category=product-launch", new[] { "Alibaba Cloud launches Qwen2.5-Max" })]
    [InlineData("?company=deepseek&category=product-launch&from=2025-01-01&to=2025-01-31&q=r1", new[] { "DeepSeek releases R1" })]
    [InlineData("?company=tencent&model=deepseek-r1", new string[0])]
    [InlineData("?company=baidu&q=weixin", new string[0])]
    [InlineData("?from=2025-02-01&to=2025-02-28&category=investment", new[] { "Alibaba announces 380 billion yuan AI spending" })]
    public async Task Events_filter_by_category_model_and_text_combined_with_company_and_dates(string queryString, string[] expected)
    {
        Assert.Equal(expected, await EventTitlesAsync(queryString));
    }

    [Theory]
    [InlineData("/api/events?category=gossip", "category")]
    [InlineData("/api/events/facets?from=yesterday", "from")]
    [InlineData("/api/events.csv?pageSize=0", "pageSize")]
    [InlineData("/feed.atom?from=2025-03-01&to=2025-02-01", "from")]
    [InlineData("/api/models?kind=robot", "kind")]
    [InlineData("/api/models?status=rumoured", "status")]
    [InlineData("/api/models?page=0", "page")]
    [InlineData("/api/investments?kind=loan", "kind")]
    [InlineData("/api/investments?pageSize=501", "pageSize")]
    [InlineData("/api/investments.csv?to=2025-13-01", "to")]
    [InlineData("/api/sources?page=-1", "page")]
    [InlineData("/api/sources?pageSize=1000", "pageSize")]
    [InlineData("/api/sources?page=5000000&pageSize=500", "page")]
    [InlineData("/api/investments?page=5000000&pageSize=500", "page")]
    [InlineData("/api/companies?page=5000000&pageSize=500", "page")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        var json = await GetJsonAsync(url, HttpStatusCode.BadRequest);

        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _), json.ToString());
    }

    [Fact]
    public async Task Facets_count_by_category_company_month_and_year_with_the_filters_applied()
    {
        var all = await GetJsonAsync("/api/events/facets");
        var tencent = await GetJsonAsync("/api/events/facets?company=tencent");

        Assert.Equal(5, all.GetProperty("total").GetInt32());
        Assert.Equal(["2025-01", "2025-02", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"], Strings(all.GetProperty("months"), "label"));
        var february = all.GetProperty("months")[1];
        Assert.Equal("2025-02-01", february.GetProperty("from").GetString());
        Assert.Equal("2025-02-28", february.GetProperty("to").GetString());
        Assert.Equal(2, february.GetProperty("count").GetInt32());
        Assert.Equal("product-launch", all.GetProperty("categories")[0].GetProperty("value").GetString());
        Assert.Equal(3, all.GetProperty("categories")[0].GetProperty("count").GetInt32());
        Assert.Equal(1, tencent.GetProperty("total").GetInt32());
        Assert.Equal(["deepseek", "tencent"], Strings(tencent.GetProperty("companies"), "value"));
    }

    [Fact]
    public async Task Models_list_and_filter_by_developer_kind_and_status()
    {
        var all = await GetJsonAsync("/api/models");
        Assert.Equal(["items", "total", "page", "pageSize"], all.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["DeepSeek-R1", "Qwen2.5-Max"], Strings(all.GetProperty("items"), "name"));
        Assert.Equal(["name", "slug", "developer", "kind", "status", "accessibility", "released"], all.GetProperty("items")[0].EnumerateObject().Select(p => p.Name));

        Assert.Equal(["Qwen2.5-Max"], Strings((await GetJsonAsync("/api/models?developer=alibaba-cloud")).GetProperty("items"), "name"));
        Assert.Equal(["DeepSeek-R1"], Strings((await GetJsonAsync("/api/models?kind=reasoning")).GetProperty("items"), "name"));
        Assert.Equal(["DeepSeek-R1", "Qwen2.5-Max"], Strings((await GetJsonAsync("/api/models?kind=reasoning&kind=llm&status=released")).GetProperty("items"), "name"));
        Assert.Empty(Strings((await GetJsonAsync("/api/models?status=announced")).GetProperty("items"), "name"));
        Assert.Empty(Strings((await GetJsonAsync("/api/models?developer=deepseek&kind=llm")).GetProperty("items"), "name"));
    }

    [Fact]
    public async Task A_model_has_its_developer_sources_and_events_and_an_unknown_one_is_404()
    {
        var json = await GetJsonAsync("/api/models/deepseek-r1");

        Assert.Equal("DeepSeek-R1", json.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal("deepseek", json.GetProperty("developer").GetProperty("slug").GetString());
        Assert.Equal("DeepSeek's R1 reasoning model", json.GetProperty("sources")[0].GetProperty("quote").GetString());
        Assert.Equal(["DeepSeek releases R1"], Strings(json.GetProperty("events"), "title"));
        await GetJsonAsync("/api/models/nope", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Investments_list_with_amount_as_reported_and_filter_by_company_kind_and_date()
    {
        var all = await GetJsonAsync("/api/investments");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var capex = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "capital-expenditure-plan");
        Assert.Equal(380_000_000_000m, capex.GetProperty("amount").GetDecimal());
        Assert.Equal("CNY", capex.GetProperty("currency").GetString());
        Assert.Equal("380 billion yuan", capex.GetProperty("asReported").GetString());

        Assert.Equal(["funding-round"], Strings((await GetJsonAsync("/api/investments?company=tencent")).GetProperty("items"), "kind"));
        Assert.Equal(2, (await GetJsonAsync("/api/investments?company=alibaba-group-holding-ltd")).GetProperty("total").GetInt32());
        Assert.Equal(["capital-expenditure-plan"], Strings((await GetJsonAsync("/api/investments?kind=capital-expenditure-plan")).GetProperty("items"), "kind"));
        Assert.Equal(["capital-expenditure-plan"], Strings((await GetJsonAsync("/api/investments?from=2025-02-01&to=2025-02-28")).GetProperty("items"), "kind"));
        Assert.Equal(0, (await GetJsonAsync("/api/investments?from=2025-03-01")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await GetJsonAsync("/api/investments?company=baidu")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sources_list_articles_and_one_article_shows_paragraphs_with_what_was_extracted()
    {
        var list = await GetJsonAsync("/api/sources");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var summary = list.GetProperty("items")[0];
        Assert.Equal(TestData.ArticleFile, summary.GetProperty("file").GetString());
        Assert.Equal(6, summary.GetProperty("paragraphs").GetInt32());
        Assert.Equal(11, summary.GetProperty("mentions").GetInt32());

        var id = summary.GetProperty("id").GetInt32();
        var detail = await GetJsonAsync($"/api/sources/{id}");
        var paragraphs = detail.GetProperty("paragraphs");
        Assert.Equal(6, paragraphs.GetArrayLength());
        Assert.Equal("Paragraph 2", paragraphs[1].GetProperty("text").GetString());
        var second = paragraphs[1].GetProperty("facts")[0];
        Assert.Equal("event", second.GetProperty("kind").GetString());
        Assert.Equal("Tencent integrates DeepSeek into Weixin", second.GetProperty("label").GetString());
        Assert.StartsWith("timeline?from=2025-02-11&to=2025-02-20#event-", second.GetProperty("href").GetString(), StringComparison.Ordinal);
        var first = Strings(paragraphs[0].GetProperty("facts"), "kind");
        Assert.Equal(["company", "model", "event"], first);
        Assert.Equal("companies/deepseek", paragraphs[0].GetProperty("facts")[0].GetProperty("href").GetString());

        await GetJsonAsync("/api/sources/99999", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/models", 2)]
    [InlineData("/api/investments", 2)]
    [InlineData("/api/sources", 1)]
    [InlineData("/api/events", 5)]
    public async Task Paging_reports_the_total_and_stops_at_the_last_page(string url, int total)
    {
        var first = await GetJsonAsync(url + "?pageSize=1");
        var last = await GetJsonAsync($"{url}?pageSize=1&page={total}");
        var beyond = await GetJsonAsync($"{url}?pageSize=1&page={total + 1}");
        var max = await GetJsonAsync(url + "?pageSize=500");

        Assert.Equal(total, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        Assert.Equal(total, last.GetProperty("page").GetInt32());
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
        Assert.Equal(total, beyond.GetProperty("total").GetInt32());
        Assert.Equal(total, max.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_events_CSV_keeps_the_filters_and_quotes_commas_quotes_and_line_breaks()
    {
        await using (var db = Database.CreateContext())
        {
            var tricky = new TimelineEvent("He said \"AI, now\"", FuzzyDate.Day(new DateOnly(2025, 2, 14), "Feb. 14, 2025"), EventCategory.Market, EventOrigin.Import)
            {
                Summary = "Line one,\nline two; =SUM(A1)",
            };
            tricky.Involve(await db.Companies.SingleAsync(c => c.Slug == "tencent", Ct));
            db.Add(tricky);
            db.Add(Mention.Of(tricky, await db.Articles.SingleAsync(Ct), 3, "“Quoted”, with a comma"));
            await db.SaveChangesAsync(Ct);
        }

        using var response = await Client.GetAsync("/api/events.csv?company=tencent&category=market", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("events.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"He said \"\"AI, now\"\"\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Line one,\nline two; =SUM(A1)\"", text, StringComparison.Ordinal);

        var rows = ReadCsv(text);
        Assert.Equal(["id", "date_label", "date_start", "date_end", "date_precision", "category", "title", "summary", "companies", "models", "origin", "sources"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal("He said \"AI, now\"", row[6]);
        Assert.Equal("Line one,\nline two; =SUM(A1)", row[7]);
        Assert.Equal("Tencent", row[8]);
        Assert.Equal("Feb. 14, 2025", row[1]);
        Assert.Equal($"{TestData.ArticleFile} ¶3: “Quoted”, with a comma", row[11]);
    }

    [Fact]
    public async Task CSV_text_cells_that_a_spreadsheet_would_run_as_a_formula_get_a_leading_apostrophe()
    {
        await using (var db = Database.CreateContext())
        {
            var hostile = new TimelineEvent("=HYPERLINK(\"http://evil.example\",\"click\")", FuzzyDate.Day(new DateOnly(2025, 2, 14), "Feb. 14, 2025"), EventCategory.Market, EventOrigin.Import)
            {
                Summary = "+1 gains, -2 losses",
            };
            hostile.Involve(await db.Companies.SingleAsync(c => c.Slug == "tencent", Ct));
            db.Add(hostile);
            db.Add(Mention.Of(hostile, await db.Articles.SingleAsync(Ct), 3, "A quote"));
            await db.SaveChangesAsync(Ct);
        }

        var text = await Client.GetStringAsync("/api/events.csv?company=tencent&category=market", Ct);

        var row = Assert.Single(ReadCsv(text).Skip(1));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", row[6]);
        Assert.Equal("'+1 gains, -2 losses", row[7]);
        Assert.Equal("2025-02-14", row[2]);
        Assert.Equal(["'@cell", "'-x", "'\tx", "plain = fine", null], new[] { "@cell", "-x", "\tx", "plain = fine", null }.Select(CsvExport.DefuseFormula));
    }

    [Fact]
    public async Task The_events_CSV_ignores_paging_and_matches_the_JSON()
    {
        var rows = ReadCsv(await Client.GetStringAsync("/api/events.csv?category=product-launch&pageSize=1&page=2", Ct));
        var json = await EventTitlesAsync("?category=product-launch");

        Assert.Equal(json, rows.Skip(1).Select(r => (string?)r[6]));
        Assert.Equal(3, rows.Count - 1);
    }

    [Fact]
    public async Task The_investments_CSV_has_amount_as_reported_and_USD_columns_and_keeps_the_filters()
    {
        using var response = await Client.GetAsync("/api/investments.csv?company=alibaba-group-holding-ltd&kind=capital-expenditure-plan", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("investments.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = ReadCsv(await response.Content.ReadAsStringAsync(Ct));

        var header = rows[0];
        var row = Assert.Single(rows.Skip(1));
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("capital-expenditure-plan", Cell("kind"));
        Assert.Equal("Alibaba Group Holding Ltd.", Cell("recipient"));
        Assert.Equal("380000000000", Cell("amount"));
        Assert.Equal("CNY", Cell("currency"));
        Assert.Equal("380 billion yuan", Cell("as_reported"));
        Assert.Equal("over three years", Cell("period"));
        Assert.Equal("", Cell("amount_usd"));
        Assert.Equal("2025-02-24", Cell("date_start"));

        var funding = ReadCsv(await Client.GetStringAsync("/api/investments.csv?kind=funding-round", Ct));
        var fundingRow = Assert.Single(funding.Skip(1));
        Assert.Equal("Alibaba Group Holding Ltd.; Tencent", fundingRow[Array.IndexOf(funding[0], "investors")]);
        Assert.Equal("Tencent", fundingRow[Array.IndexOf(funding[0], "lead_investors")]);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint()
    {
        var json = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        string[] expected =
        [
            "/api/events", "/api/events/facets", "/api/events.csv", "/api/companies", "/api/companies/{slug}",
            "/api/models", "/api/models/{slug}", "/api/investments", "/api/investments.csv", "/api/valuations", "/api/sources", "/api/sources/{id}", "/feed.atom",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var parameters = json.GetProperty("paths").GetProperty("/api/events").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["company", "from", "to", "category", "model", "q", "confirmed", "page", "pageSize"], parameters);
    }

    private static List<string[]> ReadCsv(string text)
    {
        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }
        return rows;
    }
}
