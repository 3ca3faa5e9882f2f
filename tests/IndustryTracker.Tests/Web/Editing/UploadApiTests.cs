using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IndustryTracker.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Editing;

public sealed class UploadApiTests : EditingWebTest
{
    private static async Task<ByteArrayContent> SeedContentAsync(string prefix)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(SeedPath(prefix), Ct));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return content;
    }

    [Fact]
    public async Task A_dry_run_returns_the_preview_and_writes_nothing()
    {
        using var client = Editor();
        var before = await RowCountsAsync();

        using var response = await client.PostAsync("/api/sources?dryRun=true&fileName=deepseek.txt", await SeedContentAsync("001"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("deepseek.txt", preview.GetProperty("fileName").GetString());
        Assert.True(preview.GetProperty("events").GetArrayLength() > 0);
        Assert.True(preview.GetProperty("counts").GetProperty("mentions").GetInt32() > 0);
        Assert.Contains(preview.GetProperty("companies").EnumerateArray(), c => !c.GetProperty("isNew").GetBoolean()); // DeepSeek is known
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task An_upload_imports_as_the_editor_answers_201_with_location_and_a_second_upload_is_unchanged()
    {
        using var client = Editor();

        using var response = await client.PostAsync("/api/sources?fileName=upload.txt", await SeedContentAsync("001"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = result.GetProperty("articleId").GetInt32();
        Assert.Equal($"/api/sources/{id}", response.Headers.Location?.OriginalString);
        Assert.True(result.GetProperty("counts").GetProperty("events").GetInt32() > 0);
        await using (var db = Database.CreateContext())
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id, Ct);
            Assert.Equal("upload.txt", article.FileName);
            // Stamped as the importer acting for the editor: who brought the facts shows, and they stay the importer's.
            var actor = Core.Auditing.SystemActor.ImportFor(EditorName);
            Assert.Equal($"import ({EditorName})", actor);
            Assert.True(await db.Events.AnyAsync(e => e.CreatedBy == actor, Ct));
        }
        using var get = await client.GetAsync($"/api/sources/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);

        var before = await RowCountsAsync();
        using var again = await client.PostAsync("/api/sources?fileName=other-name.txt", await SeedContentAsync("001"), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString()?.ToLowerInvariant());
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task A_multipart_file_upload_is_imported_under_its_sanitized_name()
    {
        using var client = Editor();
        using var form = new MultipartFormDataContent();
        form.Add(await SeedContentAsync("002"), "file", "My Story (v2).txt");

        using var response = await client.PostAsync("/api/sources", form, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        await using var db = Database.CreateContext();
        Assert.True(await db.Articles.AnyAsync(a => a.FileName == "My-Story-v2.txt", Ct));
    }

    public static TheoryData<string, byte[], string> BadBodies => new()
    {
        { "empty", [], "The file is empty." },
        { "binary", [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01], "binary" },
        { "latin-1", Encoding.Latin1.GetBytes("Caf\u00e9 news\n\nA paragraph."), "not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_get_400_with_the_importers_message_and_nothing_is_written(string name, byte[] body, string message)
    {
        using var client = Editor();
        var before = await RowCountsAsync();

        foreach (var url in new[] { $"/api/sources?fileName={name}.txt", $"/api/sources?dryRun=true&fileName={name}.txt" })
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            using var response = await client.PostAsync(url, content, Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task An_oversize_body_gets_413_with_the_limit_and_nothing_is_written()
    {
        using var client = Editor();
        var before = await RowCountsAsync();
        var content = new StringContent("Title\n\n" + new string('x', MaxFileBytes + 10), Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync("/api/sources", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Anonymous_uploads_get_401_and_readers_403_and_nothing_is_written()
    {
        var before = await RowCountsAsync();
        using var anonymous = Anonymous();
        using var reader = Reader();

        foreach (var url in new[] { "/api/sources", "/api/sources?dryRun=true" })
        {
            using var a = await anonymous.PostAsync(url, await SeedContentAsync("001"), Ct);
            using var r = await reader.PostAsync(url, await SeedContentAsync("001"), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        }
        Assert.Equal(before, await RowCountsAsync());
    }

}
