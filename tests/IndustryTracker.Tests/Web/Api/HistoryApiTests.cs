using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryTracker.Core.History;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.History.HistoryTestKit;

namespace IndustryTracker.Tests.Web.Api;

public sealed class HistoryApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerWebApplicationFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        _factory = new TrackerWebApplicationFactory(_database, testAuthentication: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private HttpClient EditorClient() => Client().ActingAs(Editor, Roles.Editor);

    private async Task<int> CompanyIdAsync(string slug)
    {
        await using var db = _database.CreateContext();
        return await db.Companies.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<HistoryEntry> EditBaiduSummaryAsync()
    {
        await using (var db = _database.CreateContext())
        {
            db.Actor = Editor;
            (await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct)).Summary = "Search and Ernie.";
            await db.SaveChangesAsync(Ct);
        }
        return (await EntriesAsync(_database, HistoryEntities.Company, await CompanyIdAsync("baidu"))).Single(e => e.Field == "summary");
    }

    [Fact]
    public async Task History_is_for_editors_only()
    {
        var id = await CompanyIdAsync("baidu");
        var path = $"/api/history?entity=company&id={id}";

        using var anonymous = await Client().GetAsync(path, Ct);
        using var reader = await Client().ActingAs("reader@example.com").GetAsync(path, Ct);
        using var editor = await EditorClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        var entries = await editor.Content.ReadFromJsonAsync<List<HistoryEntryDto>>(Ct);
        var created = Assert.Single(entries!);
        Assert.Equal(("created", "record", "import"), (created.Kind, created.Field, created.Actor));
        Assert.False(created.CanRevert);
    }

    [Fact]
    public async Task History_lists_newest_first_and_rejects_bad_queries()
    {
        var entry = await EditBaiduSummaryAsync();

        var entries = await EditorClient().GetFromJsonAsync<List<HistoryEntryDto>>($"/api/history?entity=company&id={entry.EntityId}", Ct);
        using var bad = await EditorClient().GetAsync("/api/history?entity=article&id=x", Ct);

        Assert.Equal(["summary", "record"], entries!.Select(e => e.Field));
        Assert.Equal((null, "Search and Ernie.", Editor, true), (entries![0].OldValue, entries[0].NewValue, entries[0].Actor, entries[0].CanRevert));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("entity must be one of event, company, model, investment", problem, StringComparison.Ordinal);
        Assert.Contains("id must be a positive whole number", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revert_through_the_api_restores_the_field_records_the_reverter_and_refuses_creations_and_stale_entries()
    {
        var entry = await EditBaiduSummaryAsync();

        using var reverted = await EditorClient().PostAsync($"/api/history/{entry.Id}/revert", null, Ct);
        using var again = await EditorClient().PostAsync($"/api/history/{entry.Id}/revert", null, Ct);
        var created = (await EntriesAsync(_database, HistoryEntities.Company, entry.EntityId)).Single(e => e.Kind == ChangeKind.Created);
        using var creation = await EditorClient().PostAsync($"/api/history/{created.Id}/revert", null, Ct);

        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        var entries = await reverted.Content.ReadFromJsonAsync<List<HistoryEntryDto>>(Ct);
        Assert.Equal(("reverted", "summary", "Search and Ernie.", null, Editor), (entries![0].Kind, entries[0].Field, entries[0].OldValue, entries[0].NewValue, entries[0].Actor));
        await using (var db = _database.CreateContext())
        {
            Assert.Null((await db.Companies.SingleAsync(c => c.Slug == "baidu", Ct)).Summary);
        }
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("has changed since this entry", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, creation.StatusCode);
        Assert.Contains("creation cannot be reverted", await creation.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_and_undo_through_the_api_round_trip()
    {
        var before = await StateAsync(_database);

        using var merged = await EditorClient().PostAsJsonAsync("/api/companies/tencent/merge", new { duplicate = "deepseek" }, Ct);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        using var body = JsonDocument.Parse(await merged.Content.ReadAsStringAsync(Ct));
        var mergeId = body.RootElement.GetProperty("mergeId").GetInt32();
        Assert.Equal("tencent", body.RootElement.GetProperty("survivor").GetProperty("company").GetProperty("slug").GetString());
        using var gone = await Client().GetAsync("/api/companies/deepseek", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        using var undone = await EditorClient().PostAsync($"/api/merges/{mergeId}/undo", null, Ct);
        using var twice = await EditorClient().PostAsync($"/api/merges/{mergeId}/undo", null, Ct);

        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal(before, await StateAsync(_database));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already undone", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tencent", "tencent", "cannot be merged into itself")]
    [InlineData("tencent", "nobody", "No company has the slug 'nobody'")]
    [InlineData("alibaba-group-holding-ltd", "alibaba-cloud", "own parent")]
    public async Task Invalid_merges_answer_400_with_the_reason_and_change_nothing(string survivor, string duplicate, string message)
    {
        var before = await StateAsync(_database);

        using var response = await EditorClient().PostAsJsonAsync($"/api/companies/{survivor}/merge", new { duplicate }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(_database));
    }

    [Fact]
    public async Task Every_new_write_endpoint_refuses_anonymous_with_401_and_readers_with_403_and_changes_nothing()
    {
        var entry = await EditBaiduSummaryAsync();
        var merge = await Merger(_database).MergeAsync("tencent", "baidu", Editor, Ct);
        var before = await StateAsync(_database);
        var entries = (await AllEntriesAsync(_database)).Count;
        string[] paths = [$"/api/history/{entry.Id}/revert", "/api/companies/tencent/merge", $"/api/merges/{merge.MergeId}/undo"];

        foreach (var path in paths)
        {
            using var anonymous = await Client().PostAsJsonAsync(path, new { duplicate = "deepseek" }, Ct);
            using var reader = await Client().ActingAs("reader@example.com").PostAsJsonAsync(path, new { duplicate = "deepseek" }, Ct);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {anonymous.StatusCode} {await anonymous.Content.ReadAsStringAsync(Ct)}");
            Assert.True(reader.StatusCode == HttpStatusCode.Forbidden, $"{path}: {reader.StatusCode}");
        }

        Assert.Equal(before, await StateAsync(_database));
        Assert.Equal(entries, (await AllEntriesAsync(_database)).Count);
    }
}
