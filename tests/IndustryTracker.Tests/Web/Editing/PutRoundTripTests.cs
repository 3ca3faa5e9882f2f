using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Editing;

/// <summary>PUT accepts exactly what GET returned, for companies and events: unchanged it changes nothing; edited it saves the edit.</summary>
public sealed class PutRoundTripTests : EditingWebTest
{
    [Fact]
    public async Task A_company_put_of_its_own_get_body_changes_nothing_and_an_edited_one_saves_the_edit()
    {
        using var editor = Editor();
        var (body, etag) = await GetAsync(editor, "/api/companies/deepseek");
        var before = await CompanyRowAsync("deepseek");

        using var unchanged = await PutAsync(editor, "/api/companies/deepseek", body.ToJsonString(), etag);

        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(before, await CompanyRowAsync("deepseek"));
        var (again, _) = await GetAsync(editor, "/api/companies/deepseek");
        Assert.Equal(body.ToJsonString(), again.ToJsonString());

        var (current, currentTag) = await GetAsync(editor, "/api/companies/deepseek");
        current["company"]!["name"] = "DeepSeek AI";
        using var edited = await PutAsync(editor, "/api/companies/deepseek", current.ToJsonString(), currentTag);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var (after, _) = await GetAsync(editor, "/api/companies/deepseek");
        Assert.Equal("DeepSeek AI", after["company"]!["name"]!.GetValue<string>());
        // Everything else the profile says about the company's own fields is as it was.
        after["company"]!["name"] = body["company"]!["name"]!.GetValue<string>();
        Assert.Equal(body["company"]!.ToJsonString(), after["company"]!.ToJsonString());
        Assert.Equal(body["founded"]?.ToJsonString(), after["founded"]?.ToJsonString());
        Assert.Equal(body["headquartersCity"]?.ToJsonString(), after["headquartersCity"]?.ToJsonString());
    }

    [Fact]
    public async Task A_company_put_of_a_get_body_for_another_slug_is_refused()
    {
        using var editor = Editor();
        var (body, etag) = await GetAsync(editor, "/api/companies/deepseek");
        body["company"]!["slug"] = "moonshot-ai";

        using var response = await PutAsync(editor, "/api/companies/deepseek", body.ToJsonString(), etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"slug\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_put_of_its_own_get_body_changes_nothing_and_an_edited_one_saves_the_edit()
    {
        using var editor = Editor();
        using var created = await editor.PostAsync("/api/events", new StringContent(
            """{ "title": "Tencent opens Hunyuan", "category": "product-launch", "date": "March 2025", "companies": ["tencent"], "sourceUrl": "https://example.com/hunyuan" }""",
            Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var (body, etag) = await GetAsync(editor, location);

        using var unchanged = await PutAsync(editor, location, body.ToJsonString(), etag);

        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        var (again, _) = await GetAsync(editor, location);
        Assert.Equal(body.ToJsonString(), again.ToJsonString());

        again["title"] = "Tencent opens Hunyuan to everyone";
        var (_, currentTag) = await GetAsync(editor, location);
        using var edited = await PutAsync(editor, location, again.ToJsonString(), currentTag);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var (after, _) = await GetAsync(editor, location);
        Assert.Equal("Tencent opens Hunyuan to everyone", after["title"]!.GetValue<string>());
        Assert.Equal(body["companySlugs"]!.ToJsonString(), after["companySlugs"]!.ToJsonString());
        Assert.Equal(body["date"]!.ToJsonString(), after["date"]!.ToJsonString());
        Assert.Equal(body["sourceUrl"]!.ToJsonString(), after["sourceUrl"]!.ToJsonString());
    }

    [Fact]
    public async Task An_event_put_naming_another_event_id_is_refused()
    {
        using var editor = Editor();
        var id = await FirstEventIdAsync();
        var (body, etag) = await GetAsync(editor, $"/api/events/{id}");
        body["id"] = id + 1000;

        using var response = await PutAsync(editor, $"/api/events/{id}", body.ToJsonString(), etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the id can't change", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<int> FirstEventIdAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Events.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
    }

    private async Task<string> CompanyRowAsync(string slug)
    {
        await using var db = Database.CreateContext();
        var company = await db.Companies.AsNoTracking().Include(c => c.Aliases).SingleAsync(c => c.Slug == slug, Ct);
        return JsonSerializer.Serialize(new
        {
            company.Name, company.Category, company.Country, company.HeadquartersCity, Founded = company.Founded?.Label, company.ParentId,
            company.Summary, company.Version, company.UpdatedAt, company.UpdatedBy,
            Aliases = company.Aliases.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $"{a.Name}:{a.Kind}"),
        });
    }

    private static async Task<(JsonObject Body, string ETag)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject(), response.Headers.ETag!.ToString());
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string json, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return client.SendAsync(request, Ct);
    }
}
