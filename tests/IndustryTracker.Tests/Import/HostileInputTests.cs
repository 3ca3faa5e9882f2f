using System.Text;
using IndustryTracker.Core.Import;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// The hostile inputs of issue 3 not covered elsewhere (empty, binary, not UTF-8: ImportBehaviourTests; script tags:
/// Html_in_an_article_is_never_stored; "Feb. 30, 2025" in a timeline: ArticleParserTests): each gives one clear
/// message and never a partial article.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task A_50_MB_file_is_rejected_as_too_large_with_the_default_limit()
    {
        await using var database = await TestDatabase.CreateAsync();
        var content = new byte[50 * 1024 * 1024];
        Array.Fill(content, (byte)'a');

        var result = await Importer(database).ImportAsync(new ArticleSource("huge.txt", content), Ct);

        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.Equal("The file is too large (50.0 MB); the limit is 5 MB.", result.Error);
        // Every table empty but the shared cache stamp's one row, which the migration inserts.
        Assert.All(await RowCountsAsync(database), t => Assert.Equal(t.Key == "CacheStamps" ? 1 : 0, t.Value));
    }

    [Fact]
    public async Task A_profile_list_without_descriptions_imports_the_prose_and_says_which_items_had_none()
    {
        await using var database = await TestDatabase.CreateAsync();
        const string text = """
            Who Builds the Robots

            [para. 1] Several robot makers were discussed at the fair this week in Suzhou.
            - Acme Robotics
            - Zenith Motion
            - Feb. 30, 2025:
            - Zenith Motion showed a welding arm.
            """;

        var result = await Importer(database).ImportAsync(new ArticleSource("profiles.txt", Encoding.UTF8.GetBytes(text)), Ct);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal(
            [
                "List item 'Acme Robotics' has no description after it; it was not read as a profile.",
                "List item 'Zenith Motion' has no description after it; it was not read as a profile.",
            ],
            result.Notes.Where(n => n.StartsWith("List item", StringComparison.Ordinal)));
        Assert.Single(result.Notes, n => n.Contains("'Feb. 30, 2025' was not read as a date", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        var paragraphs = await db.Articles.SelectMany(a => a.Paragraphs).Select(p => p.Text).ToListAsync(Ct);
        Assert.DoesNotContain(paragraphs, p => p.Contains("Zenith Motion: Feb. 30", StringComparison.Ordinal));
        Assert.Equal(0, await db.Events.CountAsync(Ct));
    }
}
