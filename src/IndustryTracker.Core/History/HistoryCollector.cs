using IndustryTracker.Core.Companies;
using IndustryTracker.Core.History.Describers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IndustryTracker.Core.History;

/// <summary>One change to record: a field of a record (or the whole record) with its old and new value.</summary>
internal sealed record HistoryChange(EntityEntry Record, RecordDescriber Describer, string Label, string Field, string? Old, string? New, ChangeKind Kind);

/// <summary>
/// Reads what a save is about to change from the change tracker, before the save: each changed field of a described
/// record, owned values (dates, money) as one field each, and rows added to or removed from a record's lists as one
/// list change on that record. Records created or deleted by the save get one "record" change and nothing else.
/// </summary>
internal static class HistoryCollector
{
    public static async Task<List<HistoryChange>> CollectAsync(DbContext db, HistoryRecording recording, CancellationToken cancellationToken)
    {
        var all = db.ChangeTracker.Entries().ToList();
        var tracked = new TrackedRecords(all);
        var entries = all.Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        var changes = new List<HistoryChange>();
        var owned = new Dictionary<(EntityEntry Owner, string Navigation), (string? Old, string? New)>();
        var links = new Dictionary<(LinkDescriber Describer, int OwnerId), List<EntityEntry>>();

        foreach (var entry in entries)
        {
            if (RecordDescriber.For(entry.Entity) is { } describer)
            {
                await CollectRecordAsync(db, tracked, entry, describer, changes, cancellationToken);
            }
            else if (entry.Metadata.IsOwned())
            {
                CollectOwned(tracked, entry, owned);
            }
            else if (LinkDescriber.For(entry) is { } link && link.Changes(entry.State) && !(recording.MovesLinks && link.MovedByMerges))
            {
                var ownerId = link.OwnerId(entry);
                if (!tracked.IsNewOrGone(link.OwnerType, ownerId))
                {
                    (links.TryGetValue((link, ownerId), out var list) ? list : links[(link, ownerId)] = []).Add(entry);
                }
            }
        }

        foreach (var ((owner, navigation), (oldValue, newValue)) in owned)
        {
            if (oldValue != newValue)
            {
                var describer = RecordDescriber.For(owner.Entity)!;
                changes.Add(new HistoryChange(owner, describer, describer.Label(owner.Entity), HistoryValues.FieldName(navigation), oldValue, newValue, ChangeKind.Updated));
            }
        }
        foreach (var ((link, ownerId), changed) in links)
        {
            var (before, after) = await link.ListsAsync(db, ownerId, changed, cancellationToken);
            var (oldValue, newValue) = (HistoryValues.NameList(before), HistoryValues.NameList(after));
            if (oldValue != newValue)
            {
                var owner = tracked.Find(link.OwnerType, ownerId)
                    ?? db.Entry(await db.FindAsync(link.OwnerType, [ownerId], cancellationToken) ?? throw new InvalidOperationException($"No {link.OwnerType.Name} has id {ownerId}."));
                var describer = RecordDescriber.Of(link.OwnerType);
                changes.Add(new HistoryChange(owner, describer, describer.Label(owner.Entity), link.Field, oldValue, newValue, ChangeKind.Updated));
            }
        }
        return changes;
    }

    private static async Task CollectRecordAsync(DbContext db, TrackedRecords tracked, EntityEntry entry, RecordDescriber describer, List<HistoryChange> changes, CancellationToken cancellationToken)
    {
        var label = describer.Label(entry.Entity);
        switch (entry.State)
        {
            case EntityState.Added:
                changes.Add(new HistoryChange(entry, describer, label, HistoryEntry.RecordField, null, label, ChangeKind.Created));
                return;
            case EntityState.Deleted:
                changes.Add(new HistoryChange(entry, describer, label, HistoryEntry.RecordField, label, null, ChangeKind.Deleted));
                return;
            case EntityState.Modified:
                foreach (var property in entry.Properties)
                {
                    if (!property.IsModified || HistoryValues.Ignored.Contains(property.Metadata.Name) || Equals(property.OriginalValue, property.CurrentValue))
                    {
                        continue;
                    }
                    var kind = property.Metadata.Name == "DeletedAt"
                        ? property.OriginalValue is null ? ChangeKind.Deleted : property.CurrentValue is null ? ChangeKind.Restored : ChangeKind.Updated
                        : ChangeKind.Updated;
                    var reference = property.Metadata.GetContainingForeignKeys().FirstOrDefault(fk => fk.DependentToPrincipal is not null);
                    changes.Add(reference is null
                        ? new HistoryChange(entry, describer, label, HistoryValues.FieldName(property.Metadata.Name),
                            HistoryValues.Format(property.OriginalValue), HistoryValues.Format(property.CurrentValue), kind)
                        : new HistoryChange(entry, describer, label, HistoryValues.FieldName(reference.DependentToPrincipal!.Name),
                            await PrincipalLabelAsync(db, tracked, reference.PrincipalEntityType.ClrType, property.OriginalValue, cancellationToken),
                            await PrincipalLabelAsync(db, tracked, reference.PrincipalEntityType.ClrType, property.CurrentValue, cancellationToken), kind));
                }
                return;
        }
    }

    private static void CollectOwned(TrackedRecords tracked, EntityEntry entry, Dictionary<(EntityEntry, string), (string? Old, string? New)> owned)
    {
        var ownership = entry.Metadata.FindOwnership();
        if (ownership?.PrincipalToDependent is null || ownership.Properties.Count != 1
            || entry.Property(ownership.Properties[0].Name).CurrentValue is not int ownerId
            || tracked.Find(ownership.PrincipalEntityType.ClrType, ownerId) is not { State: not (EntityState.Added or EntityState.Deleted) } owner
            || RecordDescriber.For(owner.Entity) is null)
        {
            return;
        }
        var slot = (owner, ownership.PrincipalToDependent.Name);
        owned.TryGetValue(slot, out var values);
        owned[slot] = entry.State switch
        {
            EntityState.Added => (values.Old, OwnedValueJson.Write(entry, original: false)),
            EntityState.Deleted => (OwnedValueJson.Write(entry, original: true), values.New),
            _ => (OwnedValueJson.Write(entry, original: true), OwnedValueJson.Write(entry, original: false)),
        };
    }

    private static async Task<string?> PrincipalLabelAsync(DbContext db, TrackedRecords tracked, Type principal, object? id, CancellationToken cancellationToken)
    {
        if (id is not int key)
        {
            return id is null ? null : $"#{id}";
        }
        if (tracked.Find(principal, key) is { } record && RecordDescriber.For(record.Entity) is { } describer)
        {
            return describer.Label(record.Entity);
        }
        return principal == typeof(Company) ? await RecordNames.CompanyAsync(db, key, cancellationToken) : $"#{id}";
    }

    /// <summary>The tracked records with a single int key "Id", by type and key (temporary keys of new records included).</summary>
    private sealed class TrackedRecords
    {
        private readonly Dictionary<(Type, int), EntityEntry> _byKey = [];

        public TrackedRecords(IEnumerable<EntityEntry> entries)
        {
            foreach (var entry in entries.Where(e => !e.Metadata.IsOwned() && e.Metadata.FindPrimaryKey()?.Properties is [{ Name: "Id", ClrType: var t }] && t == typeof(int)))
            {
                _byKey.TryAdd((entry.Metadata.ClrType, (int)entry.Property("Id").CurrentValue!), entry);
            }
        }

        public EntityEntry? Find(Type type, int id) => _byKey.GetValueOrDefault((type, id));

        public bool IsNewOrGone(Type type, int id) => Find(type, id) is { State: EntityState.Added or EntityState.Deleted };
    }
}
