namespace IndustryTracker.Core.History;

/// <summary>
/// A merge of a duplicate company into a survivor. <see cref="Snapshot"/> is JSON (<see cref="MergeSnapshot"/>) of the
/// duplicate as it was and exactly what moved, so the merge can be undone.
/// </summary>
public sealed class CompanyMerge
{
    private CompanyMerge()
    {
        SurvivorName = string.Empty;
        DuplicateName = string.Empty;
        DuplicateSlug = string.Empty;
        Snapshot = string.Empty;
        MergedBy = string.Empty;
    }

    public CompanyMerge(int survivorId, string survivorName, int duplicateId, string duplicateName, string duplicateSlug, string snapshot, string mergedBy, DateTimeOffset mergedAt)
    {
        SurvivorId = survivorId;
        SurvivorName = survivorName;
        DuplicateId = duplicateId;
        DuplicateName = duplicateName;
        DuplicateSlug = duplicateSlug;
        Snapshot = snapshot;
        MergedBy = mergedBy;
        MergedAt = mergedAt;
    }

    public int Id { get; private set; }
    public int SurvivorId { get; private set; }
    public string SurvivorName { get; private set; }
    public int DuplicateId { get; private set; }
    public string DuplicateName { get; private set; }
    public string DuplicateSlug { get; private set; }
    public string Snapshot { get; private set; }
    public string MergedBy { get; private set; }
    public DateTimeOffset MergedAt { get; private set; }
    public string? UndoneBy { get; private set; }
    public DateTimeOffset? UndoneAt { get; private set; }

    public bool IsUndone => UndoneAt is not null;

    internal void Record(string snapshot) => Snapshot = snapshot;

    public void MarkUndone(string actor, DateTimeOffset at)
    {
        if (IsUndone)
        {
            throw new InvalidOperationException("This merge was already undone.");
        }
        UndoneBy = actor;
        UndoneAt = at;
    }
}
