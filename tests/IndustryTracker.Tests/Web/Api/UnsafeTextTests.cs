using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Text;
using IndustryTracker.Tests.Support;
using IndustryTracker.Tests.Web.Editing;
using IndustryTracker.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Api;

/// <summary>
/// Control characters, bidi controls, lone surrogates and noncharacters: refused with a field message by every write
/// endpoint that takes text, and harmless to the Atom feed when they are in the database anyway.
/// </summary>
public sealed class UnsafeTextTests : EditingWebTest
{
    /// <summary>As JSON escapes: NUL, BEL, ESC, tab and LF (in a one-line field), DEL, C1 NEL and APC, RLO, LRI, U+FFFE, a lone surrogate.</summary>
    public static TheoryData<string> Forbidden => ["\\u0000", "\\u0007", "\\u001B", "\\t", "\\n", "\\u007F", "\\u0085", "\\u009F", "\\u202E", "\\u2066", "\\uFFFE", LoneSurrogate];

    private const string LoneSurrogate = "\\uD800";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").Clone();

    private static string EventJson(string title, string summary = "An API.") => $$"""
        { "title": "{{title}}", "summary": "{{summary}}", "category": "product-launch",
          "date": "Late February 2025", "companies": ["tencent"], "models": [] }
        """;

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task An_event_whose_title_holds_a_forbidden_character_gets_400_on_the_title_and_nothing_changes(string escaped)
    {
        using var client = Editor();
        var before = await RowCountsAsync();

        using var response = await client.PostAsync("/api/events", Json(EventJson($"Tencent {escaped}opens Hunyuan")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single((await ErrorsOf(response)).GetProperty("title").EnumerateArray()).GetString();
        if (escaped == LoneSurrogate)
        {
            Assert.Contains("not valid JSON", message, StringComparison.Ordinal); // refused by the JSON reader itself
        }
        else
        {
            Assert.StartsWith("The title contains ", message, StringComparison.Ordinal);
            Assert.Contains("at position 9", message, StringComparison.Ordinal);
        }
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task A_multi_line_summary_keeps_its_tabs_and_line_breaks_but_not_a_bell()
    {
        using var client = Editor();

        using (var accepted = await client.PostAsync("/api/events", Json(EventJson("Tencent opens Hunyuan", "First line.\\r\\n\\tSecond line.")), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }
        using var refused = await client.PostAsync("/api/events", Json(EventJson("Tencent opens Hunyuan again", "Ding\\u0007")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("U+0007", (await ErrorsOf(refused)).GetProperty("summary")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task A_company_edit_with_a_forbidden_character_in_its_name_or_an_alias_gets_400_and_nothing_changes(string escaped)
    {
        using var client = Editor();
        var etag = await CompanyETagAsync(client);
        var before = await RowCountsAsync();
        var json = $$"""
            { "name": "DeepSeek{{escaped}}", "category": "model-developer", "country": "China", "headquartersCity": "Hangzhou",
              "founded": "May 2023", "parent": null, "summary": "Models.", "aliases": [{ "name": "DS{{escaped}}", "kind": "abbreviation" }] }
            """;

        using var response = await client.SendAsync(Put(json, etag), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsOf(response);
        if (escaped == LoneSurrogate)
        {
            Assert.Contains("not valid JSON", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal); // refused by the JSON reader itself
        }
        else
        {
            Assert.StartsWith("The name contains ", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
            Assert.StartsWith("An alias contains ", errors.GetProperty("aliases")[0].GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task A_company_with_more_than_50_aliases_gets_400()
    {
        using var client = Editor();
        var etag = await CompanyETagAsync(client);
        var aliases = Enumerable.Range(1, CompanyEditor.MaxAliases + 1).Select(i => new CompanyAliasInput($"DeepSeek alias {i}", "alias")).ToList();
        var edit = new CompanyEdit("DeepSeek", "model-developer", "China", "Hangzhou", "May 2023", null, null, aliases);

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/companies/deepseek") { Content = JsonContent.Create(edit) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 50", (await ErrorsOf(response)).GetProperty("aliases")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_answers_well_formed_xml_whatever_characters_are_stored()
    {
        // Straight into the database, past every validator: what an old version, a script or a bug may have left.
        var stored = new StringBuilder("Bad");
        foreach (var c in Enumerable.Range(0, 0x20).Concat([0x7F, 0x85, 0x9F, 0x202E, 0x2066, 0xFFFE, 0xFFFF]))
        {
            // PostgreSQL text cannot hold NUL at all; everything else is stored on both providers.
            if (c == 0 && TestDatabase.Provider == DatabaseProvider.Postgres)
            {
                continue;
            }
            stored.Append((char)c);
        }
        var text = stored.Append("End").ToString();
        await using (var db = Database.CreateContext())
        {
            var id = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE \"Events\" SET \"Title\" = {text}, \"Summary\" = {text} WHERE \"Id\" = {id}", Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE \"Companies\" SET \"Name\" = {text} WHERE \"Slug\" = {"tencent"}", Ct);
        }

        using var response = await Anonymous().GetAsync("/feed.atom", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        XNamespace atom = FeedApi.AtomNamespace;
        var expected = "Bad" + new string(XmlText.Replacement, TestDatabase.Provider == DatabaseProvider.Postgres ? 8 : 9) + "\t\n";
        Assert.Contains(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value.Contains(expected, StringComparison.Ordinal)
            && e.Element(atom + "summary")!.Value.Contains("End", StringComparison.Ordinal));
    }

    [Fact]
    public void Xml_text_replaces_exactly_what_xml_cannot_carry()
    {
        Assert.Equal("a\t\n\rb\uFFFDc\uFFFD\uFFFD😀\u202E", XmlText.Clean("a\t\n\rb\u0001c\uFFFE\uD800😀\u202E"));
        Assert.Same("plain", XmlText.Clean("plain"));
    }

    [Fact]
    public void The_shared_check_names_the_character_and_allows_tabs_and_line_breaks_only_in_multi_line_fields()
    {
        Assert.Null(UnsafeText.Find("Émile 😀 北京", multiline: false));
        Assert.Null(UnsafeText.Find("a\r\n\tb", multiline: true));
        Assert.Equal((1, "U+0009"), UnsafeText.Find("a\tb", multiline: false));
        Assert.Equal((2, "U+202E"), UnsafeText.Find("ab\u202Ec", multiline: true));
        Assert.Equal("The title contains a bidirectional text control character (U+2066) at position 1; remove it.", UnsafeText.Problem("\u2066x", false, "The title"));
    }

    private static async Task<string> CompanyETagAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/companies/deepseek", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    private static HttpRequestMessage Put(string json, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/companies/deepseek") { Content = Json(json) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
