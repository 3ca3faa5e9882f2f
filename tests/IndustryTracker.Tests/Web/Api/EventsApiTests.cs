using System.Net;
using System.Text.Json;
using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Web.Api;

public sealed class EventsApiTests : WebAppTest
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Lists_events_in_the_paged_envelope_with_camel_case_names()
    {
        var json = await GetJsonAsync("/api/events");

        Assert.Equal(["items", "total", "page", "pageSize"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, json.GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(50, json.GetProperty("pageSize").GetInt32());
        Assert.Equal(5, json.GetProperty("items").GetArrayLength());
        var first = json.GetProperty("items")[0];
        Assert.Equal(["id", "title", "summary", "category", "date", "companies", "models", "origin", "sources"], first.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_event_carries_its_date_as_written_with_range_and_kebab_case_precision_and_its_sources()
    {
        var json = await GetJsonAsync("/api/events?company=tencent");

        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(EventId("Tencent integrates DeepSeek into Weixin"), item.GetProperty("id").GetInt32());
        var date = item.GetProperty("date");
        Assert.Equal("Mid-February, 2025", date.GetProperty("label").GetString());
        Assert.Equal("2025-02-11", date.GetProperty("start").GetString());
        Assert.Equal("2025-02-20", date.GetProperty("end").GetString());
        Assert.Equal("part-of-month", date.GetProperty("precision").GetString());
        Assert.Equal("integration-adoption", item.GetProperty("category").GetString());
        Assert.Equal(["DeepSeek", "Tencent"], item.GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        var source = item.GetProperty("sources")[0];
        Assert.Equal(TestData.ArticleFile, source.GetProperty("article").GetString());
        Assert.Equal(2, source.GetProperty("paragraph").GetInt32());
        Assert.Equal("In mid-February, Tencent integrated DeepSeek into Weixin", source.GetProperty("quote").GetString());
    }

    [Fact]
    public async Task Filters_by_repeated_company_and_an_overlapping_date_range()
    {
        var json = await GetJsonAsync("/api/events?company=baidu&company=tencent&from=2025-02-20&to=2025-07-01");

        Assert.Equal(
            [EventId("Tencent integrates DeepSeek into Weixin"), EventId("Baidu plans Ernie 5")],
            json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
        Assert.Equal(2, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_company_gives_no_events()
    {
        var json = await GetJsonAsync("/api/events?company=nobody");

        Assert.Equal(0, json.GetProperty("total").GetInt32());
        Assert.Equal(0, json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pages_through_the_events()
    {
        var json = await GetJsonAsync("/api/events?page=2&pageSize=2");

        Assert.Equal((5, 2, 2), (json.GetProperty("total").GetInt32(), json.GetProperty("page").GetInt32(), json.GetProperty("pageSize").GetInt32()));
        Assert.Equal(
            [EventId("Tencent integrates DeepSeek into Weixin"), EventId("Alibaba announces 380 billion yuan AI spending")],
            json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
    }

    [Theory]
    [InlineData("from=2025-02-30", "from")]
    [InlineData("to=14/02/2025", "to")]
    [InlineData("from=2025-03-01&to=2025-02-01", "from")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=99999999&pageSize=500", "page")] // past every possible page: the rows before it overflow an int
    [InlineData("page=99999999&pageSize=500&company=deepseek", "page")]
    public async Task A_bad_query_is_a_400_problem_naming_the_parameter(string queryString, string parameter)
    {
        using var response = await Client.GetAsync($"/api/events?{queryString}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        Assert.Contains(parameter, messages[0].GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
