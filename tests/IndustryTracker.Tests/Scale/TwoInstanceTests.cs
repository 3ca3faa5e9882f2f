using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using IndustryTracker.Tests.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Scale;

/// <summary>
/// Two instances of the web app on one database (a SQLite file here, one PostgreSQL database in the PostgreSQL pass),
/// as behind nginx (benchmarks/two-instances.sh): what one writes, the other serves at once, counts and facets
/// included, and a sign-in made on one is honoured by the other (the key ring is in the database).
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private const string Ernie = "Baidu plans Ernie 5";
    private const string Editor = "editor@example.com";

    private TestDatabase _database = null!;
    private TrackerWebApplicationFactory _a = null!;
    private TrackerWebApplicationFactory _b = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        _a = new TrackerWebApplicationFactory(_database);
        _b = new TrackerWebApplicationFactory(_database);
        // Both hosts start (and migrate) before the test talks to either.
        _ = _a.Server;
        _ = _b.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_event_edited_through_one_instance_is_seen_through_the_other_with_its_counts_and_facets()
    {
        await _a.CreateUserAsync(Editor, AccountRoles.Editor);
        using var throughA = await _a.CreateClient().WithBearerAsync(Editor);
        using var throughB = _b.CreateClient();
        int id;
        await using (var db = _database.CreateContext())
        {
            id = (await db.Events.SingleAsync(e => e.Title == Ernie, Ct)).Id;
        }
        // B computes and caches its counts first.
        Assert.Equal(1, await CategoryCountAsync(throughB, "investment"));
        Assert.Equal(1, await TotalAsync(throughB, "category=investment"));

        using (var update = await PutAsync(throughA, id, "Baidu invests in Ernie 5", "investment"))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        using var detail = JsonDocument.Parse(await throughB.GetStringAsync($"/api/events/{id}", Ct));
        Assert.Equal("Baidu invests in Ernie 5", detail.RootElement.GetProperty("title").GetString());
        Assert.Equal(2, await CategoryCountAsync(throughB, "investment"));
        Assert.Equal(2, await TotalAsync(throughB, "category=investment"));
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other_because_the_keys_are_in_the_database()
    {
        await _a.CreateUserAsync(Editor, AccountRoles.Editor);
        using var signedInOnA = await _a.CreateClient().WithBearerAsync(Editor);
        using var throughB = _b.CreateClient();
        throughB.DefaultRequestHeaders.Authorization = signedInOnA.DefaultRequestHeaders.Authorization;
        int id;
        await using (var db = _database.CreateContext())
        {
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
            id = (await db.Events.SingleAsync(e => e.Title == Ernie, Ct)).Id;
        }

        using var update = await PutAsync(throughB, id, "Ernie 5, edited through B", "product-launch");

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await using var check = _database.CreateContext();
        Assert.Equal(Editor, (await check.Events.SingleAsync(e => e.Id == id, Ct)).UpdatedBy);
    }

    [Fact]
    public async Task Every_save_changes_the_shared_stamp_and_a_read_changes_nothing()
    {
        var before = await StampAsync();
        using (var list = await _b.CreateClient().GetAsync("/api/events", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
        Assert.Equal(before, await StampAsync());

        // A save through the app's own context factory (the CLI and every page use the same one).
        await using (var db = await _b.Services.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            (await db.Events.SingleAsync(e => e.Title == Ernie, Ct)).Summary = "Changed by a save.";
            await db.SaveChangesAsync(Ct);
        }

        Assert.NotEqual(before, await StampAsync());
    }

    private async Task<long> StampAsync()
    {
        await using var db = _database.CreateContext();
        return await CacheStamp.ReadAsync(db, Ct);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, int id, string title, string category)
    {
        using var current = await client.GetAsync($"/api/events/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var body = $$"""
            { "title": "{{title}}", "summary": "Second half of 2025.", "category": "{{category}}",
              "date": "second half of 2025", "companies": ["baidu"], "models": [] }
            """;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        return await client.SendAsync(request, Ct);
    }

    private static async Task<int> CategoryCountAsync(HttpClient client, string category)
    {
        using var facets = JsonDocument.Parse(await client.GetStringAsync("/api/events/facets", Ct));
        return facets.RootElement.GetProperty("categories").EnumerateArray()
            .Where(c => c.GetProperty("value").GetString() == category)
            .Select(c => c.GetProperty("count").GetInt32())
            .SingleOrDefault();
    }

    private static async Task<int> TotalAsync(HttpClient client, string filter)
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync($"/api/events?{filter}", Ct));
        return page.RootElement.GetProperty("total").GetInt32();
    }
}
