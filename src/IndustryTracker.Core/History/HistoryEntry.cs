namespace IndustryTracker.Core.History;

/// <summary>What happened to a field (or a whole record) in one change.</summary>
public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
    Restored,
    Merged,
    Unmerged,
    Reverted,
}

/// <summary>The kinds of record whose history is kept, as they appear in URLs and <see cref="HistoryEntry.EntityType"/>.</summary>
public static class HistoryEntities
{
    public const string Event = "event";
    public const string Company = "company";
    public const string Model = "model";
    public const string Investment = "investment";

    public static IReadOnlyList<string> All { get; } = [Event, Company, Model, Investment];
}

/// <summary>
/// One changed field of one record (or one "created" entry for a new record), written by <see cref="HistoryInterceptor"/>.
/// Rows of one SaveChanges share a <see cref="ChangeSetId"/>. Values are text: scalars invariantly formatted, enums by
/// name, owned values (dates, money) and lists of names as compact JSON.
/// </summary>
public sealed class HistoryEntry
{
    private HistoryEntry()
    {
        EntityType = string.Empty;
        EntityLabel = string.Empty;
        Field = string.Empty;
        Actor = string.Empty;
    }

    public HistoryEntry(Guid changeSetId, string entityType, int entityId, string entityLabel, string field, string? oldValue, string? newValue, ChangeKind kind, string actor, DateTimeOffset at)
    {
        ChangeSetId = changeSetId;
        EntityType = entityType;
        EntityId = entityId;
        EntityLabel = entityLabel.Length > 500 ? entityLabel[..500] : entityLabel;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Kind = kind;
        Actor = actor.Length > 256 ? actor[..256] : actor;
        At = at;
    }

    public long Id { get; private set; }
    public Guid ChangeSetId { get; private set; }
    public string EntityType { get; private set; }
    public int EntityId { get; private set; }
    public string EntityLabel { get; private set; }
    public string Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public ChangeKind Kind { get; private set; }
    public string Actor { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The id of the record this entry is about, once a save that creates the record has it.</summary>
    internal void RecordIdIs(int entityId) => EntityId = entityId;

    /// <summary>The company merge this entry records (kind merged/unmerged), for "Undo merge".</summary>
    public int? MergeId { get; set; }

    /// <summary>Field name used for the single entry that records a new record.</summary>
    public const string RecordField = "record";
}
