using System.Data.Common;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.History.Describers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryTracker.Core.History;

/// <summary>
/// Records every change to events, companies (with aliases and parent), models and investments as
/// <see cref="HistoryEntry"/> rows: one per changed field, one "record" entry per new or deleted record. The changes
/// are collected when a save starts and written in bulk right after the save's commands, in its transaction (the
/// interceptor opens one when the caller has none), so they are written with the changes or not at all. A record the
/// save creates has its id by then. See docs/adr/0007-history-and-merges.md.
/// </summary>
public sealed class HistoryInterceptor(TimeProvider time, ICurrentActor actor) : SaveChangesInterceptor
{
    /// <summary>History is written by <c>SaveChangesAsync</c> only; a synchronous save of recorded changes is refused.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is IndustryTrackerDbContext db && db.ChangeTracker.Entries().Any(e =>
                e.State is not (EntityState.Unchanged or EntityState.Detached)
                && (RecordDescriber.For(e.Entity) is not null || LinkDescriber.For(e) is not null || e.Metadata.IsOwned())))
        {
            throw new NotSupportedException("Changes whose history is kept are saved with SaveChangesAsync.");
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not IndustryTrackerDbContext db)
        {
            return result;
        }
        var recording = db.History;
        var changes = await HistoryCollector.CollectAsync(db, recording, cancellationToken);
        if (changes.Count == 0)
        {
            return result;
        }

        var changeSet = Guid.NewGuid();
        var now = time.GetUtcNow();
        var name = db.Actor ?? actor.Name;
        foreach (var change in changes)
        {
            var id = change.Record.Property("Id");
            var row = new HistoryEntry(
                changeSet,
                change.Describer.EntityType,
                id.IsTemporary ? 0 : (int)(change.Kind == ChangeKind.Created ? id.CurrentValue : id.OriginalValue)!,
                change.Label,
                change.Field,
                change.Old,
                change.New,
                recording.Kind ?? change.Kind,
                name,
                now);
            recording.Pending.Add((row, id.IsTemporary ? change.Record : null));
        }
        if (db.Database.CurrentTransaction is null)
        {
            recording.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// Writes the save's entries, now that new records (and a new merge) have their ids, in bulk and in the save's
    /// transaction (<see cref="EntityRows"/>: an import creates hundreds of records), then commits the transaction
    /// opened for them. A failure here fails the save, and its transaction takes the changes back.
    /// </summary>
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not IndustryTrackerDbContext db || db.History.Pending.Count == 0)
        {
            return result;
        }
        var recording = db.History;
        try
        {
            var mergeId = recording.Merge?.Id;
            var rows = new List<HistoryEntry>(recording.Pending.Count);
            foreach (var (row, awaitingId) in recording.Pending)
            {
                if (awaitingId is not null)
                {
                    row.RecordIdIs((int)awaitingId.Property("Id").CurrentValue!);
                }
                row.MergeId = mergeId;
                rows.Add(row);
            }
            try
            {
                await EntityRows.InsertAsync(db, rows, cancellationToken);
            }
            catch (DbException ex)
            {
                throw new DbUpdateException($"The history of this save could not be written, so the save was not kept: {ex.Message}", ex);
            }
            if (recording.OwnTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await EndAsync(recording);
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IndustryTrackerDbContext db)
        {
            await EndAsync(db.History);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IndustryTrackerDbContext db)
        {
            await EndAsync(db.History);
        }
    }

    /// <summary>Forgets the save's pending entries; a transaction opened for it and not committed is rolled back.</summary>
    private static async Task EndAsync(HistoryRecording recording)
    {
        recording.Pending.Clear();
        if (recording.OwnTransaction is { } transaction)
        {
            recording.OwnTransaction = null;
            await transaction.DisposeAsync();
        }
    }
}
