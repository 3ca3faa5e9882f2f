using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IndustryTracker.Tests.Support;
using IndustryTracker.Tests.Web.Editing;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Http;

namespace IndustryTracker.Tests.Web.Api;

/// <summary>
/// A hostile corpus against every write endpoint: each request is refused with a 4xx problem naming what is wrong,
/// nothing is written, and nothing a client sends shows up at Error in the logs.
/// </summary>
public sealed class HostileRequestsTests : EditingWebTest
{
    private const string Event = """{ "title": "T", "category": "market", "date": "2025-02", "companies": ["tencent"] }""";

    private static readonly string Deep = new string('[', 200) + new string(']', 200);
    private static readonly string Huge = "{ \"title\": \"" + new string('x', 300 * 1024) + "\" }";

    public static TheoryData<string, string, string?, string, string?, int, string> Corpus => new()
    {
        // method, url, content type, body, If-Match, expected status, field named in errors
        { "POST", "/api/events", "application/json", "{ \"title\": \"T\", ", null, 400, "body" },
        { "POST", "/api/events", "application/json", "{ \"title\": 5 }", null, 400, "title" },
        { "POST", "/api/events", "application/json", "{ \"title\": \"T\", \"sourceParagraph\": \"3\" }", null, 400, "sourceParagraph" },
        { "POST", "/api/events", "application/json", "{ \"title\": \"T\", \"companies\": [1, 2] }", null, 400, "companies" },
        { "POST", "/api/events", "application/json", "{ \"colour\": \"red\" }", null, 400, "colour" },
        { "POST", "/api/events", "application/json", "[]", null, 400, "body" },
        { "POST", "/api/events", "application/json", "null", null, 400, "body" },
        { "POST", "/api/events", "application/json", "", null, 400, "body" },
        { "POST", "/api/events", "application/json", Deep, null, 400, "body" },
        { "POST", "/api/events", "application/json", Huge, null, 413, "body" },
        { "POST", "/api/events", "text/plain", Event, null, 415, "body" },
        { "POST", "/api/events", "application/json", "{ \"title\": \"\\u0000\" }", null, 400, "title" },
        { "PUT", "/api/events/1", "application/json", Event, "W/\"nope\"", 400, "If-Match" },
        { "PUT", "/api/events/1", "application/json", "{ \"title\": ", "W/\"1\"", 400, "title" },
        { "DELETE", "/api/events/1", null, "", "*", 400, "If-Match" },
        { "PUT", "/api/companies/deepseek", "application/json", "{ \"name\": ", "W/\"1\"", 400, "name" },
        { "PUT", "/api/companies/deepseek", "application/json", "{ \"name\": [\"x\"] }", "W/\"1\"", 400, "name" },
        { "PUT", "/api/companies/deepseek", "application/json", "{ \"name\": \"DeepSeek\", \"aliases\": [{ \"name\": 1 }] }", "W/\"1\"", 400, "aliases" },
        { "PUT", "/api/companies/deepseek", "application/json", "{ \"name\": \"DeepSeek\", \"ceo\": \"x\" }", "W/\"1\"", 400, "ceo" },
        { "PUT", "/api/companies/deepseek", "application/json", Huge, "W/\"1\"", 413, "body" },
        { "PUT", "/api/companies/deepseek", "application/xml", "<company/>", "W/\"1\"", 415, "body" },
        { "PUT", "/api/companies/deepseek", "application/json", "{ \"name\": \"\\uD800\" }", "W/\"1\"", 400, "name" },
        { "POST", "/api/companies/deepseek/merge", "application/json", "{ \"duplicate\": ", null, 400, "duplicate" },
        { "POST", "/api/companies/deepseek/merge", "application/json", "{ \"duplicate\": 42 }", null, 400, "duplicate" },
        { "POST", "/api/companies/deepseek/merge", "application/json", "{ \"survivor\": \"x\" }", null, 400, "survivor" },
        { "POST", "/api/companies/deepseek/merge", "text/plain", "baidu", null, 415, "body" },
        { "POST", "/api/auth/users", "application/json", "{ \"email\": ", null, 400, "email" },
        { "POST", "/api/auth/users", "application/json", "{ ", null, 400, "body" },
        { "POST", "/api/auth/users", "application/json", "{ \"email\": [] }", null, 400, "email" },
        { "POST", "/api/auth/login", "application/json", "{ \"email\": 1, \"password\": 2 }", null, 400, "email" },
        { "POST", "/api/auth/login", "application/json", "{ \"email\": \"a@b.c\", ", null, 400, "body" },
        { "POST", "/api/auth/refresh", "application/json", "{ \"refreshToken\": {} }", null, 400, "refreshToken" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_hostile_request_gets_a_problem_naming_the_field_writes_nothing_and_logs_no_error(
        string method, string url, string? contentType, string body, string? ifMatch, int status, string field)
    {
        using var client = Anonymous().ActingAs("admin@example.com", Roles.Editor, Roles.Admin);
        var before = await RowCountsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (contentType is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Empty(ErrorLines());
        Assert.Equal(before, await RowCountsAsync());
        if (status == StatusCodes.Status415UnsupportedMediaType && text.Length == 0)
        {
            return; // refused by routing (the endpoint accepts only JSON) before any endpoint code runs: no body to check
        }
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), text);
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    /// <summary>The Error and Fatal events of the app's log files so far (compact JSON: the level is "@l", absent for Information).</summary>
    private List<string> ErrorLines()
    {
        var folder = Path.Combine(Database.Folder, "logs");
        var lines = new List<string>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            lines.AddRange(reader.ReadToEnd().Split('\n').Where(l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal)));
        }
        Assert.True(Directory.Exists(folder), "the app wrote no log file: the test would see no errors whatever happened");
        return lines;
    }
}
