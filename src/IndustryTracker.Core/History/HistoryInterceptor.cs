using System.Data.Common;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.History.Describers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace IndustryTracker.Core.History;

/// <summary>
/// Records every change to events, companies (with aliases and parent), models and investments as
/// <see cref="HistoryEntry"/> rows: one per changed field, one "record" entry per new or deleted record. The changes
/// are collected when a save starts and the rows are added to that same save, so they are written in its transaction
/// or not at all. A record the save creates has no id until the database assigns one: its entry is written with the
/// others and given that id right after the save's commands, before the save's transaction commits (the interceptor
/// opens one for such a save when the caller has none). See docs/adr/0007-history-and-merges.md.
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
        var merge = recording.Merge is { } m ? db.Entry(m) : null;
        foreach (var change in changes)
        {
            var id = change.Record.Property("Id");
            var awaitsId = id.IsTemporary || (merge?.Property(nameof(CompanyMerge.Id)).IsTemporary ?? false);
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
                now) { MergeId = merge is null || awaitsId ? null : recording.Merge!.Id };
            db.Set<HistoryEntry>().Add(row);
            if (awaitsId)
            {
                recording.AwaitingIds.Add((row, change.Record));
            }
        }
        if (recording.AwaitingIds.Count > 0 && db.Database.CurrentTransaction is null)
        {
            recording.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Gives entries of new records (and of a new merge) their ids, then commits the transaction opened for them.</summary>
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not IndustryTrackerDbContext db || db.History.AwaitingIds.Count == 0)
        {
            return result;
        }
        var recording = db.History;
        try
        {
            int? mergeId = recording.Merge?.Id;
            // One statement, prepared once and run for each entry: an import creates hundreds of records.
            await using var update = IdUpdate(db);
            foreach (var (row, record) in recording.AwaitingIds)
            {
                var entityId = (int)record.Property("Id").CurrentValue!;
                update.Parameters[0].Value = entityId;
                update.Parameters[1].Value = (object?)mergeId ?? DBNull.Value;
                update.Parameters[2].Value = row.Id;
                await update.ExecuteNonQueryAsync(cancellationToken);
                var tracked = db.Entry(row);
                foreach (var (property, value) in new (string, object?)[] { (nameof(HistoryEntry.EntityId), entityId), (nameof(HistoryEntry.MergeId), mergeId) })
                {
                    tracked.Property(property).CurrentValue = value;
                    tracked.Property(property).OriginalValue = value;
                }
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

    /// <summary>UPDATE of one entry's record and merge ids, in the save's transaction; values to be set.</summary>
    private static DbCommand IdUpdate(IndustryTrackerDbContext db)
    {
        var entries = db.Model.FindEntityType(typeof(HistoryEntry))!;
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        string Column(string property) => entries.FindProperty(property)!.GetColumnName();
        command.CommandText =
            $"UPDATE \"{entries.GetTableName()}\" SET \"{Column(nameof(HistoryEntry.EntityId))}\" = @entity, \"{Column(nameof(HistoryEntry.MergeId))}\" = @merge WHERE \"{Column(nameof(HistoryEntry.Id))}\" = @id;";
        foreach (var name in new[] { "@entity", "@merge", "@id" })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
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

    /// <summary>Forgets the save's awaiting entries; a transaction opened for it and not committed is rolled back.</summary>
    private static async Task EndAsync(HistoryRecording recording)
    {
        recording.AwaitingIds.Clear();
        if (recording.OwnTransaction is { } transaction)
        {
            recording.OwnTransaction = null;
            await transaction.DisposeAsync();
        }
    }
}
