using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Api;

/// <summary>POST/PUT/DELETE /api/events and restore, through the real app with test authentication.</summary>
public sealed class EventWriteApiTests : WebAppTest
{
    private const string Body = """
        { "title": "Tencent opens Hunyuan to developers", "summary": "An API.", "category": "product-launch",
          "date": "Late February 2025", "companies": ["tencent"], "models": ["deepseek-r1"], "sourceUrl": "https://example.com/a" }
        """;

    protected override bool UsesTestAuthentication => true;

    private HttpClient Editor() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).ActingAs("ed@example.com", Roles.Editor);

    private HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static HttpRequestMessage Request(HttpMethod method, string url, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = json is null ? null : Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    private int IdOf(string title)
    {
        using var db = Database.CreateContext();
        return db.Events.IgnoreQueryFilters().Single(e => e.Title == title).Id;
    }

    private async Task<string> ETagOf(HttpClient client, int id)
    {
        using var response = await client.GetAsync($"/api/events/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    [Fact]
    public async Task Create_answers_201_with_location_and_the_event_in_the_list_shape()
    {
        using var client = Editor();

        using var response = await client.PostAsync("/api/events", Json(Body), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonOf(response);
        var id = json.GetProperty("id").GetInt32();
        Assert.Equal($"/api/events/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("W/\"1\"", response.Headers.ETag!.ToString());
        string[] listFields = ["id", "title", "summary", "category", "date", "companies", "models", "origin", "sources"];
        Assert.Equal(listFields, json.EnumerateObject().Select(p => p.Name).Take(listFields.Length));
        var date = json.GetProperty("date");
        Assert.Equal(("Late February 2025", "2025-02-21", "2025-02-28", "part-of-month"),
            (date.GetProperty("label").GetString(), date.GetProperty("start").GetString(), date.GetProperty("end").GetString(), date.GetProperty("precision").GetString()));
        Assert.Equal(("editor", 1, "https://example.com/a"), (json.GetProperty("origin").GetString(), json.GetProperty("version").GetInt32(), json.GetProperty("sourceUrl").GetString()));
        Assert.Equal(["Tencent"], json.GetProperty("companies").EnumerateArray().Select(c => c.GetString()));

        using var list = await client.GetAsync("/api/events?company=tencent&from=2025-02-21", Ct);
        var item = (await JsonOf(list)).GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == id);
        Assert.Equal("https://example.com/a", item.GetProperty("sourceUrl").GetString());
        await using var db = Database.CreateContext();
        Assert.Equal("ed@example.com", (await db.Events.SingleAsync(e => e.Id == id, Ct)).CreatedBy);
    }

    [Theory]
    [InlineData("""{ "title": "T", "category": "market", "date": "Feb. 30, 2025", "companies": ["tencent"] }""", "date")]
    [InlineData("""{ "title": "T", "category": "market", "date": "2025-02", "companies": [] }""", "companies")]
    [InlineData("""{ "title": "T", "category": "market", "date": "2025-02", "companies": ["tencent", "nobody-inc"] }""", "companies")]
    [InlineData("""{ "title": "T", "category": "market", "date": "2025-02", "companies": ["tencent"], "colour": "red" }""", "colour")]
    [InlineData("""{ "title": "T", "category": "market", "date": "2025-02", "companies": "tencent" }""", "companies")]
    [InlineData("""{ "title": 5 }""", "title")]
    [InlineData("""{ "title": "T", """, "body")]
    public async Task Bad_input_is_a_400_naming_the_field_and_writes_nothing(string json, string field)
    {
        using var client = Editor();

        using var response = await client.PostAsync("/api/events", Json(json), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonOf(response);
        var messages = problem.GetProperty("errors").GetProperty(field);
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        await using var db = Database.CreateContext();
        Assert.Equal(5, await db.Events.IgnoreQueryFilters().CountAsync(Ct));
    }

    [Fact]
    public async Task An_oversize_title_is_a_400_on_title()
    {
        using var client = Editor();
        var json = Body.Replace("Tencent opens Hunyuan to developers", new string('x', 301), StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/events", Json(json), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("300", (await JsonOf(response)).GetProperty("errors").GetProperty("title")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversize_body_is_refused_before_it_is_read()
    {
        using var client = Editor();
        var json = Body.Replace("An API.", new string('s', 300 * 1024), StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/events", Json(json), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most", (await JsonOf(response)).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(5, await db.Events.IgnoreQueryFilters().CountAsync(Ct));
    }

    [Fact]
    public async Task Update_needs_if_match_and_a_stale_one_gets_409_with_the_current_event()
    {
        using var client = Editor();
        var id = IdOf("Baidu plans Ernie 5");
        var etag = await ETagOf(client, id);
        var update = Body.Replace("\"tencent\"", "\"baidu\"", StringComparison.Ordinal);

        using var missing = await client.SendAsync(Request(HttpMethod.Put, $"/api/events/{id}", update), Ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);

        using var saved = await client.SendAsync(Request(HttpMethod.Put, $"/api/events/{id}", update, etag), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var newTag = saved.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newTag);

        using var stale = await client.SendAsync(Request(HttpMethod.Put, $"/api/events/{id}", update.Replace("Tencent opens", "Baidu opens", StringComparison.Ordinal), etag), Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await JsonOf(stale);
        var current = problem.GetProperty("current");
        Assert.Equal(("Tencent opens Hunyuan to developers", "ed@example.com"), (current.GetProperty("title").GetString(), current.GetProperty("updatedBy").GetString()));
        Assert.Equal(newTag, stale.Headers.ETag!.ToString());

        using var staleDelete = await client.SendAsync(Request(HttpMethod.Delete, $"/api/events/{id}", ifMatch: etag), Ct);
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);
        using var missingDelete = await client.SendAsync(Request(HttpMethod.Delete, $"/api/events/{id}"), Ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missingDelete.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Equal("Tencent opens Hunyuan to developers", (await db.Events.SingleAsync(e => e.Id == id, Ct)).Title);
    }

    [Fact]
    public async Task Delete_hides_the_event_everywhere_and_restore_brings_it_back()
    {
        using var client = Editor();
        var id = IdOf("Tencent integrates DeepSeek into Weixin");

        using var deleted = await client.SendAsync(Request(HttpMethod.Delete, $"/api/events/{id}", ifMatch: await ETagOf(client, id)), Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.DoesNotContain("Weixin", await client.GetStringAsync("/api/events", Ct), StringComparison.Ordinal);
        Assert.Equal(0, (await JsonOf(await client.GetAsync("/api/events?q=weixin", Ct))).GetProperty("total").GetInt32());
        Assert.DoesNotContain("Weixin", await client.GetStringAsync("/api/events.csv", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Weixin", await client.GetStringAsync("/feed.atom", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Tencent integrates DeepSeek", await client.GetStringAsync("/timeline", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Tencent integrates DeepSeek", await client.GetStringAsync("/companies/tencent", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/events/{id}", Ct)).StatusCode);
        Assert.Contains("Tencent integrates DeepSeek", await client.GetStringAsync("/api/events/deleted", Ct), StringComparison.Ordinal);

        using var restored = await client.PostAsync($"/api/events/{id}/restore", null, Ct);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);

        Assert.Contains("Weixin", await client.GetStringAsync("/api/events.csv", Ct), StringComparison.Ordinal);
        Assert.Equal(1, (await JsonOf(await client.GetAsync("/api/events?q=weixin", Ct))).GetProperty("total").GetInt32());
        Assert.Contains("Tencent integrates DeepSeek", await client.GetStringAsync("/timeline", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_get_403_and_anonymous_401_on_every_write_and_nothing_changes()
    {
        var id = IdOf("Baidu plans Ernie 5");
        using var reader = Anonymous().ActingAs("reader@example.com");
        using var anonymous = Anonymous();
        using var editor = Editor();
        var etag = await ETagOf(editor, id);

        foreach (var (client, expected) in new[] { (reader, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Unauthorized) })
        {
            foreach (var request in new[]
            {
                Request(HttpMethod.Post, "/api/events", Body),
                Request(HttpMethod.Put, $"/api/events/{id}", Body, etag),
                Request(HttpMethod.Delete, $"/api/events/{id}", ifMatch: etag),
                Request(HttpMethod.Post, $"/api/events/{id}/restore"),
                Request(HttpMethod.Get, "/api/events/deleted"),
            })
            {
                using var response = await client.SendAsync(request, Ct);
                Assert.True(expected == response.StatusCode, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            }
        }

        Assert.Equal(etag, await ETagOf(editor, id));
        await using var db = Database.CreateContext();
        Assert.Equal(5, await db.Events.IgnoreQueryFilters().CountAsync(Ct));
        Assert.Equal(0, await db.Events.IgnoreQueryFilters().CountAsync(e => e.DeletedAt != null, Ct));
    }

    [Fact]
    public async Task A_script_payload_in_a_title_is_stored_as_text_and_rendered_escaped()
    {
        using var client = Editor();
        const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var json = Body.Replace("Tencent opens Hunyuan to developers", "Hunyuan " + Payload.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/events", Json(json), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await using (var db = Database.CreateContext())
        {
            Assert.True(await db.Events.AnyAsync(e => e.Title == "Hunyuan " + Payload, Ct));
        }
        var html = await client.GetStringAsync("/timeline?company=tencent", Ct);
        Assert.DoesNotContain(Payload, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
