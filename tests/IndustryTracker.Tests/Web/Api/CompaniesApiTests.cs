using System.Net;
using System.Text.Json;
using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Web.Api;

public sealed class CompaniesApiTests : WebAppTest
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Lists_companies_in_the_paged_envelope()
    {
        var json = await GetJsonAsync("/api/companies");

        Assert.Equal(["items", "total", "page", "pageSize"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, json.GetProperty("total").GetInt32());
        var cloud = json.GetProperty("items")[0];
        Assert.Equal("Alibaba Cloud", cloud.GetProperty("name").GetString());
        Assert.Equal("alibaba-cloud", cloud.GetProperty("slug").GetString());
        Assert.Equal("cloud-maas", cloud.GetProperty("category").GetString());
        Assert.Equal("Alibaba Group Holding Ltd.", cloud.GetProperty("parent").GetString());
        Assert.Equal(["Aliyun"], cloud.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Searches_aliases_and_filters_by_kebab_case_category()
    {
        var byAlias = await GetJsonAsync("/api/companies?q=aliyun");
        var byCategory = await GetJsonAsync("/api/companies?category=model-developer");

        Assert.Equal(["Alibaba Cloud"], byAlias.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["DeepSeek"], byCategory.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_unknown_category_is_a_400_problem()
    {
        var problem = await GetJsonAsync("/api/companies?category=spaceships", HttpStatusCode.BadRequest);

        Assert.Contains("model-developer", problem.GetProperty("errors").GetProperty("category")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_has_the_company_models_investments_events_and_sources()
    {
        var json = await GetJsonAsync("/api/companies/deepseek");

        Assert.Equal("DeepSeek", json.GetProperty("company").GetProperty("name").GetString());
        Assert.Equal("model-developer", json.GetProperty("company").GetProperty("category").GetString());
        Assert.Equal("Hangzhou", json.GetProperty("headquartersCity").GetString());
        Assert.Equal("year", json.GetProperty("founded").GetProperty("precision").GetString());
        Assert.Equal("deepseek-r1", json.GetProperty("models")[0].GetProperty("model").GetProperty("slug").GetString());
        Assert.Equal("funding-round", json.GetProperty("investments")[0].GetProperty("kind").GetString());
        Assert.Equal(
            [EventId("DeepSeek releases R1"), EventId("Tencent integrates DeepSeek into Weixin")],
            json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
        var quote = json.GetProperty("sources")[0];
        Assert.Equal(TestData.ArticleFile, quote.GetProperty("article").GetString());
        Assert.Equal(TestData.ArticleTitle, quote.GetProperty("articleTitle").GetString());
        Assert.Equal(1, quote.GetProperty("paragraph").GetInt32());
        Assert.Equal("DeepSeek has shaken up the global tech industry", quote.GetProperty("quote").GetString());
    }

    [Fact]
    public async Task An_unknown_company_is_a_404_problem()
    {
        using var response = await Client.GetAsync("/api/companies/nobody", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("nobody", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
