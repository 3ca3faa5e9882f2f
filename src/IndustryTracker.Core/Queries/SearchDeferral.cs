using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Defers the search index's refresh for quotes to the end of a write: for a transaction that adds or removes many
/// quotes (an article import), each event's search row is rebuilt once, not once per quote — which was quadratic in an
/// event's quotes. <see cref="BeginAsync"/> inserts a row into "EventSearchDeferrals" inside the caller's transaction; the
/// mention triggers (migration SearchDeferral) see it and only note the events they would have rebuilt.
/// <see cref="CompleteAsync"/> rebuilds the noted events and removes the row, before the caller commits. The row is
/// never committed, so no other transaction ever sees it; if the write fails, the rollback takes it away with the rest.
/// </summary>
public sealed class SearchDeferral
{
    private readonly IndustryTrackerDbContext _db;

    private SearchDeferral(IndustryTrackerDbContext db) => _db = db;

    /// <summary>Starts deferring for the context's current transaction (one must be open).</summary>
    public static async Task<SearchDeferral> BeginAsync(IndustryTrackerDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Deferring the search refresh needs an open transaction: the refresh must commit with the write.");
        }
        // SQLite has one writer at a time; on PostgreSQL the transaction's id keeps concurrent writers' rows apart.
        await db.Database.ExecuteSqlRawAsync(
            db.Database.IsNpgsql()
                ? """INSERT INTO "EventSearchDeferrals" ("TransactionId") VALUES (txid_current());"""
                : """INSERT INTO "EventSearchDeferrals" ("TransactionId") VALUES (1);""",
            cancellationToken);
        return new SearchDeferral(db);
    }

    /// <summary>Rebuilds the search rows of the events whose quotes changed since <see cref="BeginAsync"/>, and stops deferring.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var sql = _db.Database.IsNpgsql()
            ? """
              SELECT "EventSearch_Refresh"("EventId") FROM "EventSearchStale";
              DELETE FROM "EventSearchStale";
              DELETE FROM "EventSearchDeferrals";
              """
            : """
              DELETE FROM "EventSearch" WHERE rowid IN (SELECT "EventId" FROM "EventSearchStale");
              INSERT INTO "EventSearch" (rowid, "Title", "Summary", "Quotes")
                  SELECT e."Id", e."Title", coalesce(e."Summary", ''),
                         coalesce((SELECT group_concat(m."Quote", ' ') FROM "Mentions" AS m WHERE m."TimelineEventId" = e."Id"), '')
                  FROM "Events" AS e WHERE e."Id" IN (SELECT "EventId" FROM "EventSearchStale");
              DELETE FROM "EventSearchStale";
              DELETE FROM "EventSearchDeferrals";
              """;
        await _db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
