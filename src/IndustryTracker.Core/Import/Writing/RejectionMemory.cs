using IndustryTracker.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// The facts editors rejected from this article's text (by content hash), consulted before each fact is written so a
/// rejected fact never comes back. When an edited version replaces an article, the earlier version's rejections carry
/// over to the new text's hash, so they hold through any number of edits.
/// </summary>
internal sealed class RejectionMemory
{
    private readonly HashSet<(string Rule, string Key)> _rejected;

    private RejectionMemory(HashSet<(string Rule, string Key)> rejected) => _rejected = rejected;

    /// <summary>How many facts of the article were skipped because an editor had rejected them.</summary>
    public int Skipped { get; private set; }

    public static async Task<RejectionMemory> LoadAsync(Data.IndustryTrackerDbContext db, string sha256, string? previousSha256, CancellationToken cancellationToken)
    {
        var hashes = previousSha256 is null || previousSha256 == sha256 ? new[] { sha256 } : [sha256, previousSha256];
        var rows = await db.RejectedFacts.Where(r => hashes.Contains(r.ArticleSha256)).ToListAsync(cancellationToken);
        var current = rows.Where(r => r.ArticleSha256 == sha256).Select(r => (r.Rule, r.FactKey)).ToHashSet();
        foreach (var earlier in rows.Where(r => r.ArticleSha256 != sha256 && !current.Contains((r.Rule, r.FactKey))))
        {
            db.RejectedFacts.Add(new RejectedFact(sha256, earlier.Rule, earlier.FactKey, earlier.Kind, earlier.Quote, earlier.RejectedBy, earlier.RejectedAt));
            current.Add((earlier.Rule, earlier.FactKey));
        }
        return new RejectionMemory(current);
    }

    /// <summary>True (and counted) when an editor rejected the fact read by <paramref name="provenance"/> with <paramref name="key"/>.</summary>
    public bool Rejects(Provenance provenance, string key)
    {
        if (!_rejected.Contains((provenance.Rule, key)))
        {
            return false;
        }
        Skipped++;
        return true;
    }
}
