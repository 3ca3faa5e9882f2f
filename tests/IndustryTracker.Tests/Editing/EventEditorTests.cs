using IndustryTracker.Core.Editing;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndustryTracker.Tests.Editing;

public sealed class EventEditorTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private EventEditor Editor => new(_database.Factory, _database.Time, NullLogger<EventEditor>.Instance);

    public async ValueTask InitializeAsync() => _database = await TestData.CreateDatabaseAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private static EventInput Valid => new()
    {
        Title = "Tencent opens Hunyuan to developers",
        Summary = "A new API.",
        Category = "product-launch",
        Date = "Late February 2025",
        Companies = ["tencent"],
        Models = ["deepseek-r1"],
        SourceUrl = "https://example.com/hunyuan",
    };

    private int IdOf(string title)
    {
        using var db = _database.CreateContext();
        return db.Events.IgnoreQueryFilters().Single(e => e.Title == title).Id;
    }

    [Fact]
    public async Task Creates_an_editor_event_stamped_with_the_editor_and_its_parsed_date()
    {
        var result = await Editor.CreateAsync(Valid, "ed@example.com", Ct);

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        var saved = result.Event!;
        Assert.Equal(("Late February 2025", "2025-02-21", "2025-02-28", "part-of-month"), (saved.Date.Label, saved.Date.Start, saved.Date.End, saved.Date.Precision));
        Assert.Equal("editor", saved.Origin);
        Assert.Equal(["tencent"], saved.CompanySlugs);
        Assert.Equal(["DeepSeek-R1"], saved.Models);
        Assert.Equal("https://example.com/hunyuan", saved.SourceUrl);
        Assert.Equal(1, saved.Version);
        await using var db = _database.CreateContext();
        var row = await db.Events.SingleAsync(e => e.Id == saved.Id, Ct);
        Assert.Equal(("ed@example.com", "ed@example.com", EventOrigin.Editor), (row.CreatedBy, row.UpdatedBy, row.Origin));
    }

    [Fact]
    public async Task An_article_quote_source_becomes_a_mention_of_the_event()
    {
        await using (var db = _database.CreateContext())
        {
            var article = await db.Articles.Include(a => a.Paragraphs).SingleAsync(Ct);
            var result = await Editor.CreateAsync(
                Valid with { SourceUrl = null, SourceArticleId = article.Id, SourceParagraph = 2, SourceQuote = "Paragraph  2" }, "ed@example.com", Ct);
            Assert.Equal(EditOutcome.Saved, result.Outcome);
            var source = Assert.Single(result.Event!.Sources);
            Assert.Equal((TestData.ArticleFile, 2, "Paragraph  2"), (source.Article, source.Paragraph, source.Quote));
        }

        await using var check = _database.CreateContext();
        var wrong = await Editor.CreateAsync(
            Valid with { SourceArticleId = (await check.Articles.SingleAsync(Ct)).Id, SourceParagraph = 2, SourceQuote = "Not in the text" }, "ed@example.com", Ct);
        Assert.Equal(EditOutcome.Invalid, wrong.Outcome);
        Assert.Contains("does not appear in paragraph 2", Assert.Single(wrong.Errors["sourceQuote"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Feb. 30, 2025", "date")]
    [InlineData("someday", "date")]
    [InlineData("", "date")]
    public async Task Bad_dates_are_field_errors_and_nothing_is_written(string date, string field)
    {
        var before = await CountAsync();

        var result = await Editor.CreateAsync(Valid with { Date = date }, "ed@example.com", Ct);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Single(result.Errors[field]);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Every_field_rule_has_one_clear_message()
    {
        var result = await Editor.CreateAsync(new EventInput
        {
            Title = new string('x', 301),
            Summary = new string('s', 4001),
            Category = "gossip",
            Date = "Mid-February 2025",
            Companies = ["tencent", "no-such-co"],
            Models = ["gpt-99"],
            SourceUrl = "ftp://example.com/x",
        }, "ed@example.com", Ct);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(["category", "companies", "models", "sourceUrl", "summary", "title"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'no-such-co'", result.Errors["companies"][0], StringComparison.Ordinal);
        Assert.Contains("'gpt-99'", result.Errors["models"][0], StringComparison.Ordinal);
        Assert.Contains("300", result.Errors["title"][0], StringComparison.Ordinal);

        var empty = await Editor.CreateAsync(Valid with { Title = " ", Companies = [] }, "ed@example.com", Ct);
        Assert.Equal(["companies", "title"], empty.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Updates_at_the_version_read_and_refuses_a_stale_version_with_the_current_event()
    {
        var id = IdOf("Baidu plans Ernie 5");
        var loaded = (await Editor.GetAsync(id, cancellationToken: Ct))!;

        var first = await Editor.UpdateAsync(id, loaded.Version, Valid with { Title = "Baidu ships Ernie 5", Companies = ["baidu"], Models = [] }, "ann@example.com", Ct);
        var second = await Editor.UpdateAsync(id, loaded.Version, Valid with { Title = "Baidu delays Ernie 5", Companies = ["baidu"] }, "bob@example.com", Ct);

        Assert.Equal(EditOutcome.Saved, first.Outcome);
        Assert.Equal(loaded.Version + 1, first.Event!.Version);
        Assert.Equal(EditOutcome.Conflict, second.Outcome);
        Assert.Equal(("Baidu ships Ernie 5", "ann@example.com", loaded.Version + 1), (second.Current!.Title, second.Current.UpdatedBy, second.Current.Version));
        await using var db = _database.CreateContext();
        var row = await db.Events.Include(e => e.Models).SingleAsync(e => e.Id == id, Ct);
        Assert.Equal(("Baidu ships Ernie 5", "ann@example.com", EventOrigin.Import), (row.Title, row.UpdatedBy, row.Origin));
    }

    [Fact]
    public async Task Changing_only_the_companies_bumps_the_version()
    {
        var id = IdOf("Baidu plans Ernie 5");
        var loaded = (await Editor.GetAsync(id, cancellationToken: Ct))!;
        var same = Valid with { Title = loaded.Title, Summary = loaded.Summary, Category = loaded.Category, Date = loaded.Date.Label, Models = [], SourceUrl = null };

        var result = await Editor.UpdateAsync(id, loaded.Version, same with { Companies = ["baidu", "tencent"] }, "ann@example.com", Ct);

        Assert.Equal(loaded.Version + 1, result.Event!.Version);
        Assert.Equal(["baidu", "tencent"], result.Event.CompanySlugs);
    }

    [Fact]
    public async Task Changing_only_the_date_saves_it_bumps_the_version_and_records_it_in_the_history()
    {
        var id = IdOf("Baidu plans Ernie 5");
        var loaded = (await Editor.GetAsync(id, cancellationToken: Ct))!;
        var same = Valid with
        {
            Title = loaded.Title, Summary = loaded.Summary, Category = loaded.Category, Date = loaded.Date.Label,
            Companies = loaded.CompanySlugs, Models = loaded.ModelSlugs, SourceUrl = null,
        };

        var result = await Editor.UpdateAsync(id, loaded.Version, same with { Date = "March 2026" }, "ann@example.com", Ct);

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        Assert.Equal(loaded.Version + 1, result.Event!.Version);
        await using var db = _database.CreateContext();
        var row = await db.Events.SingleAsync(e => e.Id == id, Ct);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "ann@example.com"), (row.Date.Start, row.Date.End, row.UpdatedBy));
        var history = await db.Set<Core.History.HistoryEntry>().AsNoTracking().Where(h => h.EntityId == id && h.Kind == Core.History.ChangeKind.Updated).ToListAsync(Ct);
        Assert.Contains(history, h => h.Field.Contains("Date", StringComparison.OrdinalIgnoreCase) && h.NewValue!.Contains("March 2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_event_vanishes_from_queries_and_search_and_restore_brings_it_back()
    {
        var id = IdOf("Tencent integrates DeepSeek into Weixin");
        var queries = new EventQueries(_database.Factory);
        var version = (await Editor.GetAsync(id, cancellationToken: Ct))!.Version;

        Assert.Equal(EditOutcome.Conflict, (await Editor.DeleteAsync(id, version + 5, "ed@example.com", Ct)).Outcome);
        Assert.Equal(EditOutcome.Saved, (await Editor.DeleteAsync(id, version, "ed@example.com", Ct)).Outcome);

        Assert.Null(await Editor.GetAsync(id, cancellationToken: Ct));
        Assert.DoesNotContain(id, (await queries.ListAsync(new EventQuery(), Ct)).Items.Select(e => e.Id));
        Assert.Equal(0, (await queries.ListAsync(new EventQuery { Q = "Weixin" }, Ct)).Total);
        Assert.Equal(4, (await queries.FacetsAsync(new EventQuery(), Ct)).Total);
        var deleted = Assert.Single(await Editor.ListDeletedAsync(cancellationToken: Ct));
        Assert.Equal((id, "ed@example.com"), (deleted.Id, deleted.DeletedBy));
        Assert.Equal(EditOutcome.NotFound, (await Editor.UpdateAsync(id, deleted.Version, Valid, "ed@example.com", Ct)).Outcome);

        Assert.Equal(EditOutcome.Saved, (await Editor.RestoreAsync(id, "ed@example.com", Ct)).Outcome);

        Assert.Equal(1, (await queries.ListAsync(new EventQuery { Q = "Weixin" }, Ct)).Total);
        Assert.Empty(await Editor.ListDeletedAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Re_importing_an_article_does_not_resurrect_a_deleted_event_or_undo_an_edit()
    {
        var importer = new ArticleImporter(_database.Factory, _database.Time, NullLogger<ArticleImporter>.Instance);
        var content = await File.ReadAllBytesAsync(SeedArticle(), Ct);
        Assert.Equal(ImportOutcome.Imported, (await importer.ImportAsync(new ArticleSource("seed.txt", content), Ct)).Outcome);
        int deletedId, editedId;
        await using (var db = _database.CreateContext())
        {
            var imported = await db.Events.Where(e => e.Origin == EventOrigin.Import && e.CreatedBy == "import").OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(Ct);
            Assert.True(imported.Count >= 2, "the seed article yields at least two events");
            (deletedId, editedId) = (imported[0], imported[1]);
        }
        var toDelete = (await Editor.GetAsync(deletedId, cancellationToken: Ct))!;
        var toEdit = (await Editor.GetAsync(editedId, cancellationToken: Ct))!;
        Assert.Equal(EditOutcome.Saved, (await Editor.DeleteAsync(deletedId, toDelete.Version, "ed@example.com", Ct)).Outcome);
        Assert.Equal(EditOutcome.Saved, (await Editor.UpdateAsync(editedId, toEdit.Version,
            Valid with { Title = "Corrected by an editor", Companies = toEdit.CompanySlugs.Count > 0 ? toEdit.CompanySlugs : ["tencent"], Models = toEdit.ModelSlugs, SourceUrl = null },
            "ed@example.com", Ct)).Outcome);

        var again = await importer.ImportAsync(new ArticleSource("seed.txt", content), Ct);

        Assert.Equal(ImportOutcome.Unchanged, again.Outcome);
        await using var check = _database.CreateContext();
        var deleted = await check.Events.IgnoreQueryFilters().SingleAsync(e => e.Id == deletedId, Ct);
        Assert.NotNull(deleted.DeletedAt);
        Assert.False(await check.Events.AnyAsync(e => e.Id == deletedId, Ct));
        var edited = await check.Events.SingleAsync(e => e.Id == editedId, Ct);
        Assert.Equal(("Corrected by an editor", "ed@example.com"), (edited.Title, edited.UpdatedBy));
        Assert.Equal(0, await check.Events.IgnoreQueryFilters().CountAsync(e => e.Title == toDelete.Title && e.Id != deletedId, Ct));
    }

    [Fact]
    public async Task Creates_a_company_with_a_slug_and_refuses_a_duplicate()
    {
        var (created, errors) = await Editor.CreateCompanyAsync("Zhipu AI", "model-developer", "ed@example.com", Ct);
        Assert.Empty(errors);
        Assert.Equal("zhipu-ai", created!.Slug);

        var (duplicate, duplicateErrors) = await Editor.CreateCompanyAsync("Tencent", "big-tech", "ed@example.com", Ct);
        Assert.Null(duplicate);
        Assert.Contains("already exists", duplicateErrors["name"][0], StringComparison.Ordinal);
        Assert.Equal(EditOutcome.Saved, (await Editor.CreateAsync(Valid with { Companies = ["zhipu-ai"] }, "ed@example.com", Ct)).Outcome);
    }

    private async Task<int> CountAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Events.IgnoreQueryFilters().CountAsync(Ct);
    }

    private static string SeedArticle() =>
        Directory.EnumerateFiles(Import.ImportTestKit.SeedsFolder, "*.txt").Order(StringComparer.Ordinal).First();
}
