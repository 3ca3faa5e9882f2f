using System.Text;
using IndustryTracker.Core.Import;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>The preview runs the import pipeline without writing; confirming imports exactly what was previewed.</summary>
public sealed class ImportPreviewTests
{
    [Fact]
    public async Task A_preview_reports_the_facts_an_import_would_write_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "000");
        var path = Seed("001");
        var source = new ArticleSource(Path.GetFileName(path), await File.ReadAllBytesAsync(path, Ct));
        var before = await RowCountsAsync(database);
        var stages = new List<ImportStage>();

        var preview = await Importer(database).PreviewAsync(source, new SynchronousProgress(stages), Ct);

        Assert.Equal(before, await RowCountsAsync(database));
        Assert.True(preview.Outcome == ImportOutcome.Imported, preview.Error);
        Assert.Equal([ImportStage.Decoding, ImportStage.Parsing, ImportStage.Extracting], stages);
        Assert.False(string.IsNullOrWhiteSpace(preview.Title));
        Assert.True(preview.Paragraphs > 0);
        Assert.NotEmpty(preview.Events);
        Assert.All(preview.Events, e => Assert.NotEmpty(e.Quotes));
        // Companies of the first seed are known; the second seed also names companies the database lacks.
        Assert.Contains(preview.Companies, c => !c.IsNew);
        Assert.Contains(preview.Companies, c => c.IsNew);

        var result = await Importer(database).ImportAsync(source with { Actor = "ed@example.com" }, Ct);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal(preview.Counts, result.Counts);
        await using var db = database.CreateContext();
        var article = await db.Articles.SingleAsync(a => a.Id == result.ArticleId, Ct);
        Assert.Equal(preview.Sha256, article.Sha256);
        Assert.Equal(preview.Title, article.Title);
        var newCompanies = preview.Companies.Where(c => c.IsNew).Select(c => c.Slug).ToList();
        Assert.Equal(newCompanies.Count, await db.Companies.CountAsync(c => newCompanies.Contains(c.Slug) && c.CreatedBy == "import (ed@example.com)", Ct));
    }

    [Fact]
    public async Task A_preview_of_content_already_imported_says_so()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await ImportSeedAsync(database, "002");
        var path = Seed("002");

        var preview = await Importer(database).PreviewAsync(new ArticleSource("renamed.txt", await File.ReadAllBytesAsync(path, Ct)), null, Ct);

        Assert.Equal(ImportOutcome.Unchanged, preview.Outcome);
        Assert.Equal(first.ArticleId, preview.ExistingArticleId);
        Assert.Empty(preview.Events);
    }

    public static TheoryData<string, byte[], string> BadInputs => new()
    {
        { "empty", [], "The file is empty." },
        { "binary", [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01], "The file is binary" },
        { "latin-1", Encoding.Latin1.GetBytes("Caf\u00e9 news\n\nA paragraph about Baidu."), "not valid UTF-8" },
        { "whitespace", Encoding.UTF8.GetBytes("  \n\t\n"), "only whitespace" },
        { "oversize", Encoding.UTF8.GetBytes("Title\n\n" + new string('x', 2000)), "too large" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_rejected_with_a_clear_message_by_preview_and_import_and_nothing_is_written(string name, byte[] content, string message)
    {
        await using var database = await TestDatabase.CreateAsync();
        var importer = new ArticleImporter(database.Factory, database.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleImporter>.Instance) { MaxFileBytes = 1024 };
        var before = await RowCountsAsync(database);

        var preview = await importer.PreviewAsync(new ArticleSource(name + ".txt", content), null, Ct);
        var result = await importer.ImportAsync(new ArticleSource(name + ".txt", content), Ct);

        Assert.Equal(ImportOutcome.Rejected, preview.Outcome);
        Assert.Contains(message, preview.Error, StringComparison.Ordinal);
        Assert.Equal(preview.Error, result.Error);
        Assert.Equal(before, await RowCountsAsync(database));
    }

    [Theory]
    [InlineData("../../etc/passwd", "", "passwd.txt")]
    [InlineData("C:\\Users\\ed\\My Article (final).md", "", "My-Article-final.md")]
    [InlineData(null, "DeepSeek Sets Up Race\n\nText.", "deepseek-sets-up-race.txt")]
    [InlineData("   ", "", "article.txt")]
    public void Upload_names_are_sanitized_and_made_from_the_title_when_empty(string? given, string text, string expected) =>
        Assert.Equal(expected, UploadNames.FileNameFor(given, null, Encoding.UTF8.GetBytes(text)));

    private sealed class SynchronousProgress(List<ImportStage> stages) : IProgress<ImportStage>
    {
        public void Report(ImportStage value) => stages.Add(value);
    }
}
