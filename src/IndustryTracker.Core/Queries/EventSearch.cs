using System.Text.RegularExpressions;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Full-text search over timeline events (title, summary and the quotes of the event's mentions), on either provider:
/// SQLite answers from the FTS5 table "EventSearch", PostgreSQL from the GIN-indexed tsvector table "EventSearch"; both
/// are kept in sync with events and mentions by triggers (migration 0003_Search). A query is split into words;
/// every word must occur as a word or the start of one, case- and accent-insensitively.
/// </summary>
public static partial class EventSearch
{
    /// <summary>The words of a search, lowercased, letters and digits only; empty when there is nothing to search.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. WordRegex().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(16)];

    /// <summary>FTS5 MATCH expression: each word a quoted prefix query, all required.</summary>
    public static string Fts5Match(IReadOnlyList<string> words) => string.Join(" AND ", words.Select(w => $"\"{w}\"*"));

    /// <summary>PostgreSQL tsquery: each word a prefix, all required.</summary>
    public static string TsQuery(IReadOnlyList<string> words) => string.Join(" & ", words.Select(w => $"{w}:*"));

    /// <summary>Ids of the events matching every word, as a composable query; null when there are no words.</summary>
    public static IQueryable<int>? MatchingEventIds(IndustryTrackerDbContext db, string? text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }
        if (db.Database.IsNpgsql())
        {
            var tsQuery = TsQuery(words);
            // OFFSET 0 keeps PostgreSQL from folding the match into the events' query: otherwise, to avoid a sort, it walks
            // the events in date order and tests each one's document until a page is found (150-220 ms for a word in 1%
            // of 100,000 titles), instead of reading the matches from the GIN index first (a few ms) and sorting those.
            return db.Database.SqlQuery<int>($"""SELECT "EventId" AS "Value" FROM "EventSearch" WHERE "Document" @@ to_tsquery('simple'::regconfig, {tsQuery}) OFFSET 0""");
        }
        var match = Fts5Match(words);
        return db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "EventSearch" WHERE "EventSearch" MATCH {match}""");
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();
}
