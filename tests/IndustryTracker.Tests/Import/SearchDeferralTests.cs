using System.Globalization;
using System.Text;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Writing;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Sources;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// An import refreshes the search index once per quoted event at the end of its transaction (SearchDeferral), not once
/// per quote: what it writes is found by every quote, nothing of the deferral outlives the import, and a failed import
/// leaves the index refreshing on each write as before.
/// </summary>
public sealed class SearchDeferralTests
{
    /// <summary>One event (the same company, kind and day) stated by many sentences, each with its own amount.</summary>
    private static string Article(int sentences)
    {
        var text = new StringBuilder("Funding Wire: One Busy Tuesday\nBy Test Writer, Bench Wire, March 6, 2026\n\n");
        for (var i = 0; i < sentences; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"StepFun raised ${i + 100} million in a Series B round led by Tencent on Tuesday. ");
        }
        return text.Append('\n').ToString();
    }

    private static async Task<int> CountAsync(TestDatabase database, string table)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<int>> FoundAsync(TestDatabase database, string q) =>
        [.. (await new EventQueries(database.Factory).ListAsync(new EventQuery { Q = q }, Ct)).Items.Select(e => e.Id)];

    [Fact]
    public async Task An_event_quoted_many_times_by_one_import_is_found_by_its_first_and_last_quote()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await Importer(database).ImportAsync(new ArticleSource("busy.txt", Encoding.UTF8.GetBytes(Article(60))), Ct);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        await using (var db = database.CreateContext())
        {
            var quoted = await db.Mentions.Where(m => m.TimelineEventId != null)
                .GroupBy(m => m.TimelineEventId).Select(g => new { Id = g.Key!.Value, Quotes = g.Count() }).SingleAsync(Ct);
            Assert.Equal(60, quoted.Quotes);
            // The quotes are written in groups (QuoteWriter.RowsPerStatement): every one lands on its own fact.
            Assert.True(result.Counts!.Mentions > 2 * QuoteWriter.RowsPerStatement);
            Assert.Equal(result.Counts.Mentions, await db.Mentions.CountAsync(Ct));
            var byInvestment = await db.Mentions.Where(m => m.InvestmentId != null).GroupBy(m => m.InvestmentId).Select(g => g.Count()).ToListAsync(Ct);
            Assert.Equal(60, byInvestment.Count);
            Assert.All(byInvestment, count => Assert.Equal(1, count));
            var quotes = await db.Mentions.Where(m => m.InvestmentId != null).Select(m => new { m.Quote, m.Investment!.Money!.AsReported }).ToListAsync(Ct);
            Assert.All(quotes, q => Assert.Contains(q.AsReported, q.Quote, StringComparison.Ordinal));
            Assert.Equal([quoted.Id], await FoundAsync(database, "100"));
            Assert.Equal([quoted.Id], await FoundAsync(database, "159"));
        }
        Assert.Equal(0, await CountAsync(database, "EventSearchDeferrals"));
        Assert.Equal(0, await CountAsync(database, "EventSearchStale"));
    }

    [Fact]
    public async Task After_an_import_fails_while_deferring_a_new_quote_is_searchable_at_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Importer(database).ImportAsync(new ArticleSource("busy.txt", Encoding.UTF8.GetBytes(Article(3))), Ct);
        var failing = new FailingFactory(database, "DELETE FROM \"EventSearchStale\"");

        var failed = await Importer(database, failing).ImportAsync(new ArticleSource("other.txt", Encoding.UTF8.GetBytes(Article(5).Replace("StepFun", "MiniMax", StringComparison.Ordinal))), Ct);

        Assert.Equal(ImportOutcome.Rejected, failed.Outcome);
        Assert.Equal(1, failing.Failures);
        Assert.Equal(0, await CountAsync(database, "EventSearchDeferrals"));
        Assert.Empty(await FoundAsync(database, "MiniMax"));
        await using (var db = database.CreateContext())
        {
            var stepFun = await db.Events.SingleAsync(Ct);
            db.Mentions.Add(Mention.Of(stepFun, await db.Articles.SingleAsync(Ct), 1, "An editor adds a quote about zeppelins"));
            await db.SaveChangesAsync(Ct);
            Assert.Equal([stepFun.Id], await FoundAsync(database, "zeppelins"));
        }
        Assert.Equal(0, await CountAsync(database, "EventSearchStale"));
    }
}
