using System.Text.Json;
using IndustryTracker.Core.Export;
using IndustryTracker.Core.History;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndustryTracker.Tests.History;

internal static class HistoryTestKit
{
    public const string Editor = "ed@example.com";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HistoryService Histories(TestDatabase database) => new(database.Factory);

    public static CompanyMerger Merger(TestDatabase database) => new(database.Factory, database.Time, NullLogger<CompanyMerger>.Instance);

    public static async Task<List<HistoryEntry>> EntriesAsync(TestDatabase database, string entity, int id)
    {
        await using var db = database.CreateContext();
        return await db.Set<HistoryEntry>().AsNoTracking().Where(h => h.EntityType == entity && h.EntityId == id).OrderBy(h => h.Id).ToListAsync(Ct);
    }

    public static async Task<List<HistoryEntry>> AllEntriesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Set<HistoryEntry>().AsNoTracking().OrderBy(h => h.Id).ToListAsync(Ct);
    }

    /// <summary>
    /// The state a merge must give back on undo: the full JSON export plus every row (all columns, audit stamps
    /// included) of the tables a merge touches — Companies, CompanyAliases, EventCompanies, InvestmentParticipants,
    /// Mentions (id and company), AiModels (id and developer), Investments (id and recipient) and Events (id, version).
    /// Only the history tables (HistoryEntries, CompanyMerges) are left out.
    /// </summary>
    public static async Task<string> StateAsync(TestDatabase database)
    {
        var export = JsonSerializer.Serialize(await new ExportService(database.Factory).BuildAsync(Ct));
        var lines = new List<string> { export };
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        foreach (var sql in new[]
        {
            """SELECT * FROM "Companies" ORDER BY "Id" """,
            """SELECT * FROM "CompanyAliases" ORDER BY "Id" """,
            """SELECT * FROM "EventCompanies" ORDER BY "EventId", "CompanyId" """,
            """SELECT * FROM "InvestmentParticipants" ORDER BY "InvestmentId", "CompanyId" """,
            """SELECT "Id", "CompanyId" FROM "Mentions" ORDER BY "Id" """,
            """SELECT "Id", "DeveloperId", "Version" FROM "AiModels" ORDER BY "Id" """,
            """SELECT "Id", "RecipientId", "Version" FROM "Investments" ORDER BY "Id" """,
            """SELECT "Id", "Version", "UpdatedAt" FROM "Events" ORDER BY "Id" """,
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                lines.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i) + "=" + Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        return string.Join("\n", lines);
    }
}
