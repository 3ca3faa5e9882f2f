using IndustryTracker.Core.History;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static IndustryTracker.Tests.Review.FactWriterKit;

namespace IndustryTracker.Tests.Review;

/// <summary>Merging companies moves the duplicate's valuations to the survivor (not deleted with it); undo moves them back.</summary>
public sealed class ValuationMergeTests
{
    [Fact]
    public async Task A_merge_moves_the_duplicates_valuations_and_undo_moves_them_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "a.txt", """
            Two names

            Moonshot AI and Yuezhi Anmian both appear. Yuezhi Anmian was valued at $4.3 billion.
            """, company =>
        {
            var (moonshot, duplicate) = (company("Moonshot AI"), company("Yuezhi Anmian"));
            return Facts([moonshot, duplicate], valuations: [Valuation(duplicate, 4_300_000_000m, "USD", "$4.3 billion", 1, "Yuezhi Anmian was valued at $4.3 billion")]);
        });
        var merger = new CompanyMerger(database.Factory, database.Time, NullLogger<CompanyMerger>.Instance);

        var merge = await merger.MergeAsync("moonshot-ai", "yuezhi-anmian", "ed@example.com", Ct);

        await using (var db = database.CreateContext())
        {
            var valuation = await db.Valuations.Include(v => v.Company).SingleAsync(Ct);
            Assert.Equal("Moonshot AI", valuation.Company.Name);
        }
        await merger.UndoAsync(merge.MergeId!.Value, "ed@example.com", Ct);
        await using (var db = database.CreateContext())
        {
            Assert.Equal("Yuezhi Anmian", (await db.Valuations.Include(v => v.Company).SingleAsync(Ct)).Company.Name);
        }
    }
}
