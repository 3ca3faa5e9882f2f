using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace IndustryTracker.Core.History;

/// <summary>
/// How the saves of one unit of work (one <see cref="Data.IndustryTrackerDbContext"/>) are recorded, and what
/// <see cref="HistoryInterceptor"/> keeps between a save's start and its end. Lives on the context, so nothing is
/// shared between units of work.
/// </summary>
public sealed class HistoryRecording
{
    /// <summary>The kind every entry of the current scope is recorded as (merged, reverted, …) instead of created/updated/deleted.</summary>
    public ChangeKind? Kind { get; private set; }

    /// <summary>The merge the entries of the current scope belong to.</summary>
    public CompanyMerge? Merge { get; private set; }

    /// <summary>
    /// A merge or its undo is recorded by one summary entry on each company; the event links and participations it
    /// moves are not recorded again on each event and investment.
    /// </summary>
    internal bool MovesLinks => Kind is ChangeKind.Merged or ChangeKind.Unmerged;

    /// <summary>The entries of this save, written once its commands have run; with the record of a new one, whose id
    /// the database gives it.</summary>
    internal List<(HistoryEntry Row, EntityEntry? AwaitingId)> Pending { get; } = [];

    /// <summary>The transaction the interceptor opened because the save had none: the entries are written in it, after
    /// the save's commands and before it commits.</summary>
    internal IDbContextTransaction? OwnTransaction { get; set; }

    /// <summary>Records the saves made until the returned scope is disposed as <paramref name="kind"/>, belonging to <paramref name="merge"/>.</summary>
    public IDisposable As(ChangeKind kind, CompanyMerge? merge = null)
    {
        Kind = kind;
        Merge = merge;
        return new Scope(this);
    }

    private sealed class Scope(HistoryRecording recording) : IDisposable
    {
        public void Dispose()
        {
            recording.Kind = null;
            recording.Merge = null;
        }
    }
}
