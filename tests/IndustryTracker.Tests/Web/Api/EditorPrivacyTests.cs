using System.Net;
using System.Text;
using System.Text.Json;
using IndustryTracker.Tests.Web.Editing;

namespace IndustryTracker.Tests.Web.Api;

/// <summary>An editor's email (who saved a record last) is shown to editors, never to anonymous readers.</summary>
public sealed class EditorPrivacyTests : EditingWebTest
{
    [Fact]
    public async Task An_anonymous_reader_of_an_event_does_not_see_the_editors_email()
    {
        using var editor = Editor();
        using var created = await editor.PostAsync("/api/events", new StringContent(
            """{ "title": "Tencent opens Hunyuan", "category": "product-launch", "date": "March 2025", "companies": ["tencent"] }""",
            Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;

        var asEditor = await JsonAsync(editor, location);
        var asAnonymous = await JsonAsync(Anonymous(), location);

        Assert.Equal(EditorName, asEditor.GetProperty("updatedBy").GetString());
        Assert.Equal(JsonValueKind.Null, asAnonymous.GetProperty("updatedBy").ValueKind);
        Assert.DoesNotContain(EditorName, asAnonymous.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_readers_of_an_edited_company_see_no_editor_email_in_the_api_or_the_page()
    {
        using var editor = Editor();
        using var get = await editor.GetAsync("/api/companies/deepseek", Ct);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await get.Content.ReadAsStringAsync(Ct))!;
        body["company"]!["summary"] = "Edited by an editor.";
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/companies/deepseek") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
        using var saved = await editor.SendAsync(put, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(EditorName, await saved.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var anonymous = Anonymous();
        var api = await anonymous.GetStringAsync("/api/companies/deepseek", Ct);
        var page = await anonymous.GetStringAsync("/companies/deepseek", Ct);

        Assert.Contains("Edited by an editor.", api, StringComparison.Ordinal);
        Assert.DoesNotContain(EditorName, api, StringComparison.Ordinal);
        Assert.Contains("Edited by an editor.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(EditorName, page, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }
}
