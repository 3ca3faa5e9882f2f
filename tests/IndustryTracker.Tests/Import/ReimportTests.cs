using System.Text;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// Re-importing an edited article (same file name, new content) replaces what came from it, keeps what other
/// articles support and never overwrites an editor's change (the article's new reading is attached and noted).
/// </summary>
public sealed class ReimportTests
{
    private const string FileName = "gazette.txt";

    private const string Original = """
        Industry Gazette: Spring Launches

        [para. 1] On March 3, 2025, Tencent launched a new assistant for factory workers in Shenzhen.
        [para. 2] On March 10, 2025, Baidu partnered with Huawei to host its models on Ascend chips.
        """;

    private const string ChangedSentence = """
        Industry Gazette: Spring Launches

        [para. 1] On March 3, 2025, Tencent launched a new assistant for hospital staff in Shenzhen.
        [para. 2] On March 10, 2025, Baidu partnered with Huawei to host its models on Ascend chips.
        """;

    private const string Other = """
        Chip Letter: Deals of the Month

        [para. 1] On March 10, 2025, Baidu partnered with Huawei to host its models on Ascend chips.
        [para. 2] On April 2, 2025, Alibaba opened a data centre in Malaysia for its cloud customers.
        """;

    [Fact]
    public async Task A_changed_sentence_updates_the_event_in_place_of_the_old_one_and_keeps_the_article_id()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, FileName, Original);
        int articleId;
        await using (var db = database.CreateContext())
        {
            articleId = (await db.Articles.SingleAsync(Ct)).Id;
            Assert.Single(await db.Events.Where(e => e.Title.Contains("factory workers")).ToListAsync(Ct));
        }

        var result = await ImportAsync(database, FileName, ChangedSentence);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.True(result.Replaced);
        await using var after = database.CreateContext();
        var article = await after.Articles.Include(a => a.Paragraphs).SingleAsync(Ct);
        Assert.Equal(articleId, article.Id);
        Assert.Contains("hospital staff", article.Paragraphs.Single(p => p.Number == 1).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("factory workers", article.CleanText, StringComparison.Ordinal);
        var titles = await after.Events.Select(e => e.Title).ToListAsync(Ct);
        Assert.Single(titles, t => t.Contains("hospital staff", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("factory workers", StringComparison.Ordinal));
        Assert.Single(titles, t => t.Contains("Baidu partnered with Huawei", StringComparison.Ordinal));
        Assert.DoesNotContain(await after.Mentions.Select(m => m.Quote).ToListAsync(Ct), q => q.Contains("factory workers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_an_editor_uploaded_is_replaced_by_the_next_version_like_any_import()
    {
        await using var database = await TestDatabase.CreateAsync();
        var importer = Importer(database);
        await importer.ImportAsync(new ArticleSource(FileName, Encoding.UTF8.GetBytes(Original)) { Actor = "ed@example.com" }, Ct);

        var result = await importer.ImportAsync(new ArticleSource(FileName, Encoding.UTF8.GetBytes(ChangedSentence)) { Actor = "other@example.com" }, Ct);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Empty(result.Notes); // nothing of the first upload counts as an editor's change
        await using var db = database.CreateContext();
        var titles = await db.Events.Select(e => e.Title).ToListAsync(Ct);
        Assert.Single(titles, t => t.Contains("hospital staff", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("factory workers", StringComparison.Ordinal));
        Assert.Equal("import (other@example.com)", (await db.Events.SingleAsync(e => e.Title.Contains("hospital staff"), Ct)).UpdatedBy);
    }

    [Fact]
    public async Task The_old_text_is_gone_from_search_and_the_new_text_is_found()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, FileName, Original);
        var queries = new EventQueries(database.Factory);
        Assert.Equal(1, (await queries.ListAsync(new EventQuery { Q = "factory" }, Ct)).Total);

        await ImportAsync(database, FileName, ChangedSentence);

        Assert.Equal(0, (await queries.ListAsync(new EventQuery { Q = "factory" }, Ct)).Total);
        Assert.Equal(1, (await queries.ListAsync(new EventQuery { Q = "hospital" }, Ct)).Total);
    }

    [Fact]
    public async Task An_event_an_editor_changed_keeps_the_editors_title_and_gets_the_new_quote()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, FileName, Original);
        int eventId;
        await using (var db = database.CreateContext())
        {
            db.Actor = "someone@x";
            var edited = await db.Events.SingleAsync(e => e.Title.Contains("factory workers"), Ct);
            edited.Retitle("Tencent assistant launch (checked by the desk)");
            await db.SaveChangesAsync(Ct);
            eventId = edited.Id;
        }

        var result = await ImportAsync(database, FileName, ChangedSentence);

        await using var after = database.CreateContext();
        var kept = await after.Events.SingleAsync(e => e.Id == eventId, Ct);
        Assert.Equal("Tencent assistant launch (checked by the desk)", kept.Title);
        Assert.Equal("someone@x", kept.UpdatedBy);
        Assert.DoesNotContain(await after.Events.Select(e => e.Title).ToListAsync(Ct), t => t.Contains("hospital staff", StringComparison.Ordinal));
        var quote = Assert.Single(await after.Mentions.Where(m => m.TimelineEventId == eventId).Select(m => m.Quote).ToListAsync(Ct));
        Assert.Contains("hospital staff", quote, StringComparison.Ordinal);
        var note = Assert.Single(result.Notes);
        Assert.Contains("someone@x", note, StringComparison.Ordinal);
        Assert.Contains("hospital staff", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_other_articles_support_keep_their_other_sources_and_their_own_facts_are_untouched()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, "letter.txt", Other);
        await ImportAsync(database, FileName, Original);
        int sharedId;
        (int Id, string Title, DateTimeOffset UpdatedAt, int Version) alibaba;
        await using (var db = database.CreateContext())
        {
            var shared = await db.Events.SingleAsync(e => e.Title.Contains("Baidu partnered with Huawei"), Ct);
            sharedId = shared.Id;
            Assert.Equal(2, await db.Mentions.CountAsync(m => m.TimelineEventId == sharedId, Ct));
            var own = await db.Events.SingleAsync(e => e.Title.Contains("Alibaba opened a data centre"), Ct);
            alibaba = (own.Id, own.Title, own.UpdatedAt, own.Version);
        }

        // The edited article no longer states the partnership at all.
        var withoutPartnership = string.Join('\n', Original.Split('\n').Where(l => !l.Contains("[para. 2]", StringComparison.Ordinal)));
        await ImportAsync(database, FileName, withoutPartnership);

        await using var after = database.CreateContext();
        var letter = await after.Articles.SingleAsync(a => a.FileName == "letter.txt", Ct);
        var sharedAfter = await after.Events.SingleAsync(e => e.Id == sharedId, Ct);
        var sources = await after.Mentions.Where(m => m.TimelineEventId == sharedId).ToListAsync(Ct);
        Assert.Equal(letter.Id, Assert.Single(sources).ArticleId);
        var untouched = await after.Events.SingleAsync(e => e.Id == alibaba.Id, Ct);
        Assert.Equal(alibaba, (untouched.Id, untouched.Title, untouched.UpdatedAt, untouched.Version));
        Assert.Equal(2, await after.Articles.CountAsync(Ct));
        Assert.NotNull(sharedAfter);
    }

    [Fact]
    public async Task Reimporting_an_unchanged_file_is_a_no_op()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, FileName, Original);
        var before = await RowCountsAsync(database);

        var result = await ImportAsync(database, FileName, Original);

        Assert.Equal(ImportOutcome.Unchanged, result.Outcome);
        Assert.False(result.Replaced);
        Assert.Equal(before, await RowCountsAsync(database));
    }

    [Fact]
    public async Task A_failed_reimport_keeps_the_previous_version_whole()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, FileName, Original);
        var before = await RowCountsAsync(database);
        var failing = new FailingFactory(database, "INSERT INTO \"Events\"");

        var result = await Importer(database, failing).ImportAsync(new ArticleSource(FileName, Encoding.UTF8.GetBytes(ChangedSentence)), Ct);

        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.Equal(before, await RowCountsAsync(database));
        await using var db = database.CreateContext();
        Assert.Contains("factory workers", (await db.Articles.SingleAsync(Ct)).CleanText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_date_stated_more_precisely_by_another_article_narrows_the_event_instead_of_duplicating_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, "first.txt", """
            Robot Review

            Huawei opened a robotics laboratory in Dongguan in 2024, the company said this week in a statement.
            """);
        await ImportAsync(database, "second.txt", """
            Factory Notes

            Huawei opened a robotics laboratory in Dongguan in June 2024, according to people familiar with the matter.
            """);

        await using var db = database.CreateContext();
        var lab = Assert.Single(await db.Events.Where(e => e.Title.Contains("robotics laboratory")).ToListAsync(Ct));
        Assert.Equal((new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30)), (lab.Date.Start, lab.Date.End));
        Assert.Equal(2, await db.Mentions.Where(m => m.TimelineEventId == lab.Id).Select(m => m.ArticleId).Distinct().CountAsync(Ct));
    }

    private static Task<ImportResult> ImportAsync(TestDatabase database, string fileName, string text) =>
        Importer(database).ImportAsync(new ArticleSource(fileName, Encoding.UTF8.GetBytes(text)), Ct);
}
