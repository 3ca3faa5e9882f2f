using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Sources;
using IndustryTracker.Tests.Import;
using IndustryTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Web.Durability;

/// <summary>
/// The app as a separate process on SQLite, killed with SIGKILL at a random point while it writes, then started
/// again on the same file: the database is intact, every write the API acknowledged is there, and an import is
/// either all there or not there at all. (A process test: it runs on SQLite whichever provider the suite uses.)
/// </summary>
public sealed class SigkillTests
{
    private const int Writers = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_mid_stream()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var app = AppProcess.Create("001");
        await app.StartAsync(Ct);
        using var editor = await app.CreateEditorAsync(Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"started; {clock.Elapsed}");
        var company = Scalar(app, """SELECT "Slug" FROM "Companies" ORDER BY "Id" LIMIT 1""");

        var killAfter = Random.Shared.Next(200, 280);
        var acknowledged = new ConcurrentBag<string>();
        var next = 0;
        var dying = false;
        using var killed = new CancellationTokenSource();
        async Task WriteAsync()
        {
            while (!killed.IsCancellationRequested)
            {
                var title = $"Durability write {Interlocked.Increment(ref next)}";
                try
                {
                    using var response = await editor.PostAsJsonAsync("api/events",
                        new { title, date = "March 2025", category = "partnership", companies = new[] { company } }, killed.Token);
                    Assert.True(response.StatusCode == HttpStatusCode.Created, $"{title}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
                    acknowledged.Add(title);
                }
                catch (Exception ex) when (Volatile.Read(ref dying) && ex is HttpRequestException or OperationCanceledException)
                {
                    return; // in flight when the process died: not acknowledged, so either outcome is fine
                }
                if (acknowledged.Count >= killAfter && !Interlocked.Exchange(ref dying, true))
                {
                    await app.KillAsync(); // writes of the other writers are still in flight
                    await killed.CancelAsync();
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync, Ct)));
        Assert.True(acknowledged.Count >= 200, $"{acknowledged.Count} acknowledged writes");

        TestContext.Current.TestOutputHelper?.WriteLine($"{acknowledged.Count} acknowledged writes, then killed; {clock.Elapsed}");
        await app.StartAsync(Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"restarted; {clock.Elapsed}");

        Assert.Equal("ok", Scalar(app, "PRAGMA integrity_check"));
        var stored = Column(app, """SELECT "Title" FROM "Events" WHERE "Title" LIKE 'Durability write %'""").ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(acknowledged, t => !stored.Contains(t));
        // History is written with the edit: every stored event has its "created" entry.
        Assert.Equal(
            Scalar(app, """SELECT count(*) FROM "Events" WHERE "Title" LIKE 'Durability write %'"""),
            Scalar(app, """SELECT count(*) FROM "HistoryEntries" WHERE "EntityType" = 'event' AND "Kind" = 'Created' AND "EntityLabel" LIKE 'Durability write %' AND "EntityId" IN (SELECT "Id" FROM "Events")"""));
        using var page = await editor.GetAsync("api/events?pageSize=1", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task An_import_killed_midway_is_all_there_or_not_there_at_all()
    {
        // One long article: four seed articles in one file, so its import takes a while.
        var article = string.Join("\n\n", new[] { "000", "002", "003", "004" }.Select(p => File.ReadAllText(ImportTestKit.Seed(p))));
        var bytes = System.Text.Encoding.UTF8.GetBytes(article);
        const string fileName = "durability-article.txt";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reference = ReferenceImportAsync(fileName, bytes); // meanwhile the app starts

        await using var app = AppProcess.Create("001");
        await app.StartAsync(Ct);
        using var editor = await app.CreateEditorAsync(Ct);
        var eventsBefore = long.Parse(Scalar(app, """SELECT count(*) FROM "Events" """), System.Globalization.CultureInfo.InvariantCulture);
        TestContext.Current.TestOutputHelper?.WriteLine($"started; {clock.Elapsed}");

        using var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        var upload = editor.PostAsync($"api/sources?fileName={fileName}", body, Ct);
        await Task.Delay(Random.Shared.Next(50, 1500), Ct);
        var finished = upload.IsCompleted;
        await app.KillAsync();
        try
        {
            using var response = await upload;
        }
        catch (HttpRequestException)
        {
            // The process died while importing.
        }

        await app.StartAsync(Ct);
        var (referenceMentions, referenceEvents) = await reference;
        TestContext.Current.TestOutputHelper?.WriteLine($"restarted, reference import done; {clock.Elapsed}");
        Assert.True(referenceMentions > 20, $"the reference import wrote {referenceMentions} mentions");

        Assert.Equal("ok", Scalar(app, "PRAGMA integrity_check"));
        var articles = Column(app, $"""SELECT "Id" FROM "Articles" WHERE "FileName" = '{fileName}'""");
        var mentions = long.Parse(Scalar(app, $"""SELECT count(*) FROM "Mentions" WHERE "ArticleId" IN (SELECT "Id" FROM "Articles" WHERE "FileName" = '{fileName}')"""), System.Globalization.CultureInfo.InvariantCulture);
        var events = long.Parse(Scalar(app, """SELECT count(*) FROM "Events" """), System.Globalization.CultureInfo.InvariantCulture) - eventsBefore;
        if (articles.Count == 0)
        {
            Assert.False(finished, "the import answered before the kill, yet its article is missing");
            Assert.Equal((0L, 0L), (mentions, events));
        }
        else
        {
            Assert.Single(articles);
            Assert.Equal((referenceMentions, referenceEvents), (mentions, events));
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"Import killed after it {(finished ? "finished" : "started")}; article {(articles.Count == 0 ? "absent" : "present")}.");
    }

    /// <summary>The same import, not interrupted, on a database in the same state (seed 001 imported): its mentions and new events.</summary>
    private static async Task<(long Mentions, long Events)> ReferenceImportAsync(string fileName, byte[] bytes)
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportTestKit.ImportSeedAsync(database, "001");
        await using var before = database.CreateContext();
        var eventsBefore = await before.Events.IgnoreQueryFilters().LongCountAsync(Ct);
        var result = await ImportTestKit.Importer(database).ImportAsync(new ArticleSource(fileName, bytes), Ct);
        Assert.True(result.Outcome == ImportOutcome.Imported, result.Error);
        await using var db = database.CreateContext();
        var mentions = await db.Mentions.LongCountAsync(m => m.Article.FileName == fileName, Ct);
        return (mentions, await db.Events.IgnoreQueryFilters().LongCountAsync(Ct) - eventsBefore);
    }

    private static string Scalar(AppProcess app, string sql) => Column(app, sql).Single();

    private static List<string> Column(AppProcess app, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return values;
    }
}
