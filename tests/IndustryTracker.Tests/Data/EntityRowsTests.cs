using IndustryTracker.Core.Data;
using IndustryTracker.Core.History;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Data;

/// <summary>Rows inserted in bulk are stored exactly as a tracked insert stores them (run on both providers).</summary>
public sealed class EntityRowsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HistoryEntry Entry(string label, int entityId) => new(
        Guid.Parse("0f8e7d6c-5b4a-4321-9876-abcdef012345"),
        HistoryEntities.Company,
        entityId,
        label,
        "summary",
        "old \"quoted\" value",
        null,
        ChangeKind.Reverted,
        "editor@example.com",
        new DateTimeOffset(2025, 7, 4, 9, 30, 15, 123, TimeSpan.Zero));

    [Fact]
    public async Task A_bulk_row_stores_every_column_as_a_tracked_insert_does()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            db.Set<HistoryEntry>().Add(Entry("tracked", 7));
            await db.SaveChangesAsync(Ct);

            var bulk = Enumerable.Range(0, 45).Select(i => Entry($"bulk {i}", 7)).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await EntityRows.InsertAsync(db, bulk, Ct);
            await transaction.CommitAsync(Ct);
        }

        await using var read = database.CreateContext();
        var rows = await StoredRowsAsync(read);
        Assert.Equal(46, rows.Count);
        var tracked = rows.Single(r => (string)r["EntityLabel"]! == "tracked");
        Assert.All(rows.Where(r => r != tracked), row =>
        {
            foreach (var (column, value) in tracked.Where(c => c.Key is not ("Id" or "EntityLabel")))
            {
                Assert.Equal(value, row[column]);
            }
        });
        var entries = await read.Set<HistoryEntry>().AsNoTracking().OrderBy(h => h.Id).ToListAsync(Ct);
        Assert.Equal(["tracked", .. Enumerable.Range(0, 45).Select(i => $"bulk {i}")], entries.Select(e => e.EntityLabel));
        Assert.All(entries, e => Assert.Equal(Entry("x", 7).At, e.At));
        Assert.All(entries, e => Assert.Equal(ChangeKind.Reverted, e.Kind));
    }

    [Fact]
    public async Task Rows_are_inserted_only_inside_a_transaction()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => EntityRows.InsertAsync(db, [Entry("no transaction", 1)], Ct));
        Assert.Equal(0, await db.Set<HistoryEntry>().CountAsync(h => h.EntityLabel == "no transaction", Ct));
    }

    /// <summary>Every history row as the database returns its columns, by column name.</summary>
    private static async Task<List<Dictionary<string, object?>>> StoredRowsAsync(IndustryTrackerDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT * FROM "HistoryEntries" ORDER BY "Id";""";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }
}
