using System.Text;
using IndustryTracker.Core;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Writing;
using IndustryTracker.Core.Sources;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

public sealed class ImportBehaviourTests
{
    [Fact]
    public async Task All_five_seeds_import_and_prose_companies_are_found_with_aliases()
    {
        await using var database = await TestDatabase.CreateAsync();

        var results = await Importer(database).ImportPathsAsync([SeedsFolder], cancellationToken: Ct);

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.True(r.Outcome == ImportOutcome.Imported, r.Error));
        await using var db = database.CreateContext();
        var names = await db.Companies.Select(c => c.Name).ToListAsync(Ct);
        foreach (var expected in new[]
        {
            "Moore Threads", "Enflame", "Kunlunxin", "Hygon Information Technology", "Huawei", "Alibaba", "Tencent", "Baidu",
            "Lenovo", "Geely", "Nvidia", "Microsoft", "Amazon", "OpenAI", "Google", "Meta", "SenseTime", "01.AI", "Xiaomi",
        })
        {
            Assert.Contains(expected, names);
        }
        Assert.Single(names, n => n.Equals("ByteDance", StringComparison.OrdinalIgnoreCase));
        Assert.Single(names, n => n.Equals("DeepSeek", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var kunlunxin = await db.Companies.Include(c => c.Parent).SingleAsync(c => c.Name == "Kunlunxin", Ct);
        Assert.Equal("Baidu", kunlunxin.Parent?.Name);
    }

    [Fact]
    public async Task Prose_mentions_use_aliases_and_lost_apostrophes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "001");

        await using var db = database.CreateContext();
        var article = await db.Articles.SingleAsync(Ct);
        var byteDance = await db.Companies.SingleAsync(c => c.Name == "ByteDance", Ct);
        var kunlunxin = await db.Companies.SingleAsync(c => c.Name == "Kunlunxin", Ct);
        var baidu = await db.Companies.SingleAsync(c => c.Name == "Baidu", Ct);
        var deepSeek = await db.Companies.SingleAsync(c => c.Name == "DeepSeek", Ct);

        var byteDanceMention = await db.Mentions.SingleAsync(m => m.CompanyId == byteDance.Id, Ct);
        Assert.Contains("TikTok parent Bytedance", byteDanceMention.Quote, StringComparison.Ordinal);
        var kunlunxinMention = await db.Mentions.SingleAsync(m => m.CompanyId == kunlunxin.Id, Ct);
        Assert.True(await db.Mentions.AnyAsync(m => m.CompanyId == baidu.Id && m.Paragraph == kunlunxinMention.Paragraph, Ct));
        // "DeepSeeks advances…" (paragraph 1) names DeepSeek with its apostrophe lost.
        Assert.True(await db.Mentions.AnyAsync(m => m.CompanyId == deepSeek.Id && m.ArticleId == article.Id && m.Paragraph == 1, Ct));
        Assert.Null(byteDance.Summary);
    }

    [Fact]
    public async Task A_second_article_reuses_the_companies_of_the_first()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");
        int tencentId;
        await using (var db = database.CreateContext())
        {
            tencentId = (await db.Companies.SingleAsync(c => c.Name == "Tencent", Ct)).Id;
        }

        await ImportSeedAsync(database, "001");

        await using var after = database.CreateContext();
        Assert.Equal(tencentId, (await after.Companies.SingleAsync(c => c.NameKey == "tencent", Ct)).Id);
        var articleIds = await after.Mentions.Where(m => m.CompanyId == tencentId).Select(m => m.ArticleId).Distinct().CountAsync(Ct);
        Assert.Equal(2, articleIds);
        Assert.Equal(1, await after.Companies.CountAsync(c => c.NameKey == "bytedance", Ct));
        Assert.NotNull((await after.Companies.SingleAsync(c => c.NameKey == "bytedance", Ct)).Summary);
    }

    [Fact]
    public async Task Importing_the_same_content_again_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Importer(database).ImportPathsAsync([SeedsFolder], cancellationToken: Ct);
        var before = await RowCountsAsync(database);

        var again = await Importer(database).ImportPathsAsync([SeedsFolder], cancellationToken: Ct);
        var renamed = await Importer(database).ImportAsync(new ArticleSource("copy.txt", await File.ReadAllBytesAsync(Seed("000"), Ct)), Ct);

        Assert.All(again, r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
        Assert.Equal(ImportOutcome.Unchanged, renamed.Outcome);
        Assert.Equal(before, await RowCountsAsync(database));
        Assert.True(before["Mentions"] > 0);
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "empty")]
    [InlineData("blank.txt", new byte[] { 32, 10, 32, 9, 10 }, "only whitespace")]
    [InlineData("image.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "binary")]
    [InlineData("latin1.txt", new byte[] { 0x43, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x65, 0x77, 0x73 }, "not valid UTF-8")]
    [InlineData("title-only.txt", new byte[] { 0x4F, 0x6E, 0x6C, 0x79, 0x20, 0x61, 0x20, 0x74, 0x69, 0x74, 0x6C, 0x65 }, "no text")]
    public async Task Bad_files_are_rejected_with_a_clear_message_and_nothing_is_written(string fileName, byte[] content, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "001");
        var before = await RowCountsAsync(database);

        var result = await Importer(database).ImportAsync(new ArticleSource(fileName, content), Ct);

        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.Equal(fileName, result.FileName);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(ImportCounts.None, result.Counts);
        Assert.Equal(before, await RowCountsAsync(database));
    }

    [Fact]
    public async Task A_context_that_cannot_be_opened_refuses_the_article_and_a_bad_file_keeps_its_own_reason()
    {
        // The context is opened on another core while the file is parsed: its failure must still reach the result,
        // and a file refused for its own content must not be reported as a database failure.
        await using var database = await TestDatabase.CreateAsync();
        var unopenable = new UnopenableFactory();

        var good = await Importer(database, unopenable).ImportAsync(new ArticleSource("000.txt", await File.ReadAllBytesAsync(Seed("000"), Ct)), Ct);
        var empty = await Importer(database, unopenable).ImportAsync(new ArticleSource("empty.txt", []), Ct);
        var preview = await Importer(database, unopenable).PreviewAsync(new ArticleSource("000.txt", await File.ReadAllBytesAsync(Seed("000"), Ct)), cancellationToken: Ct);

        Assert.Equal(ImportOutcome.Rejected, good.Outcome);
        Assert.Contains("nothing was written: the database is away", good.Error, StringComparison.Ordinal);
        Assert.Equal(ImportOutcome.Rejected, empty.Outcome);
        Assert.Contains("empty", empty.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("database", empty.Error, StringComparison.Ordinal);
        Assert.Equal(ImportOutcome.Rejected, preview.Outcome);
        Assert.Contains("the database is away", preview.Error, StringComparison.Ordinal);
        Assert.Equal(3, unopenable.Attempts);
    }

    private sealed class UnopenableFactory : IDbContextFactory<IndustryTrackerDbContext>
    {
        private int _attempts;

        public int Attempts => _attempts;

        public IndustryTrackerDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _attempts);
            throw new InvalidOperationException("the database is away");
        }
    }

    [Fact]
    public async Task A_failure_midway_through_writing_leaves_nothing_behind()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "001");
        var before = await RowCountsAsync(database);
        var failing = new FailingFactory(database, "INSERT INTO \"Events\"");

        var result = await Importer(database, failing).ImportAsync(new ArticleSource("000.txt", await File.ReadAllBytesAsync(Seed("000"), Ct)), Ct);

        Assert.Equal(1, failing.Failures);
        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.Contains("nothing was written", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await RowCountsAsync(database));

        // The same file imports cleanly afterwards: the failed attempt left no half-written article behind.
        Assert.Equal(ImportOutcome.Imported, (await ImportSeedAsync(database, "000")).Outcome);
    }

    [Fact]
    public async Task Paths_accept_files_and_folders_report_progress_and_reject_missing_paths()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = Path.Combine(database.Folder, "articles");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(folder, "nested"));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.md"), "Second Title\n\nBaidu launched a product.\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), "First Title\n\nTencent shipped an update.\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "c.txt"), string.Empty, Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "ignored.json"), "{}", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "nested", "deep.txt"), "Nested Title\n\nNot imported.\n", Ct);
        var missing = Path.Combine(database.Folder, "missing.txt");
        var progress = new ListProgress();

        var results = await Importer(database).ImportPathsAsync([folder, missing, Seed("003")], progress, Ct);

        Assert.Equal(["a.txt", "b.md", "c.txt", missing, Path.GetFileName(Seed("003"))], results.Select(r => r.FileName));
        Assert.Equal(
            [ImportOutcome.Imported, ImportOutcome.Imported, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Imported],
            results.Select(r => r.Outcome));
        Assert.Contains("No such file or folder", results[3].Error, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4, 5], progress.Reports.Select(p => p.Done));
        Assert.All(progress.Reports, p => Assert.Equal(5, p.Total));
        Assert.Equal(results.Select(r => r.Outcome), progress.Reports.Select(p => p.Outcome));
        await using var db = database.CreateContext();
        Assert.Equal(3, await db.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task Files_over_the_size_limit_are_rejected_without_being_imported()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = Path.Combine(database.Folder, "big.txt");
        await File.WriteAllTextAsync(path, "Big Title\n\n" + new string('x', 2000), Ct);
        var importer = new ArticleImporter(database.Factory, database.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleImporter>.Instance)
        {
            MaxFileBytes = 1000,
        };

        var result = Assert.Single(await importer.ImportPathsAsync([path], cancellationToken: Ct));
        var direct = await importer.ImportAsync(new ArticleSource("big.txt", await File.ReadAllBytesAsync(path, Ct)), Ct);

        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.Contains("too large", result.Error, StringComparison.Ordinal);
        Assert.Equal(ImportOutcome.Rejected, direct.Outcome);
        Assert.Equal(0, (await RowCountsAsync(database))["Articles"]);
    }

    [Fact]
    public async Task An_import_reports_the_time_it_took_from_the_bytes_to_the_commit()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new SteppingTimeProvider(TimeSpan.FromMilliseconds(1250));
        var importer = new ArticleImporter(database.Factory, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleImporter>.Instance);

        var imported = await importer.ImportAsync(new ArticleSource("timed.txt", Encoding.UTF8.GetBytes("Timed\n\nStepFun raised $6 million in April 2025.\n")), Ct);
        var unchanged = await importer.ImportAsync(new ArticleSource("timed.txt", Encoding.UTF8.GetBytes("Timed\n\nStepFun raised $6 million in April 2025.\n")), Ct);

        Assert.Equal(ImportOutcome.Imported, imported.Outcome);
        Assert.Equal(TimeSpan.FromMilliseconds(1250), imported.Elapsed);
        Assert.Equal(ImportOutcome.Unchanged, unchanged.Outcome);
        Assert.Equal(TimeSpan.Zero, unchanged.Elapsed);
    }

    [Fact]
    public async Task Every_paragraph_of_a_long_article_is_stored_with_its_own_number_and_text()
    {
        await using var database = await TestDatabase.CreateAsync();
        // More paragraphs than three bulk INSERTs hold, so the last statement is a short one.
        var count = (3 * RowInserter.RowsPerStatement(3)) + 7;
        var body = string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"Note {i}: Tencent opened office {i} in Shenzhen."));

        var result = await Importer(database).ImportAsync(new ArticleSource("offices.txt", Encoding.UTF8.GetBytes($"Office notes\n\n{body}\n")), Ct);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal(count, result.Counts.Paragraphs);
        await using var db = database.CreateContext();
        var stored = await db.Set<ArticleParagraph>().OrderBy(p => p.Number).Select(p => new { p.Number, p.Text }).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, count), stored.Select(p => p.Number));
        Assert.All(stored, p => Assert.Equal($"Note {p.Number}: Tencent opened office {p.Number} in Shenzhen.", p.Text));
    }

    [Fact]
    public async Task Html_in_an_article_is_never_stored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var content = Encoding.UTF8.GetBytes("<b>Bold Title</b>\n<p>Huawei <script>alert(1)</script>released <i>chips</i>.</p>\n");

        var result = await Importer(database).ImportAsync(new ArticleSource("html.txt", content), Ct);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        await using var db = database.CreateContext();
        var article = await db.Articles.Include(a => a.Paragraphs).SingleAsync(Ct);
        Assert.Equal("Bold Title", article.Title);
        Assert.Equal("Huawei released chips.", Assert.Single(article.Paragraphs).Text);
        Assert.DoesNotContain("<", article.CleanText, StringComparison.Ordinal);
        Assert.Contains(await db.Mentions.Select(m => m.Quote).ToListAsync(Ct), q => q == "Huawei released chips.");
    }

    [Fact]
    public async Task The_importer_is_registered_by_AddIndustryTrackerCore()
    {
        await using var database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:IndustryTracker"] = database.Options.ConnectionString,
                ["Database:Provider"] = database.Options.Provider.ToString(),
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddIndustryTrackerCore(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var importer = provider.GetRequiredService<IArticleImporter>();
        var result = await importer.ImportAsync(new ArticleSource("di.txt", Encoding.UTF8.GetBytes("A Title\n\nAlibaba did something notable today.\n")), Ct);

        Assert.IsType<BoundedArticleImporter>(importer); // the ArticleImporter behind the web bounds (ImportBoundsTests)
        Assert.Equal(ImportOutcome.Imported, result.Outcome);
    }
}
