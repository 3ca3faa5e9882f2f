using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.History;

/// <summary>What a merge of a duplicate into a survivor moves (read before the merge).</summary>
internal sealed record MergePlan(
    List<(string Name, AliasKind Kind)> AliasNames,
    List<int> Subsidiaries,
    List<EventLink> Events,
    List<int> Models,
    List<int> Recipient,
    List<ParticipantLink> Participants,
    List<int> Mentions,
    List<int> Valuations)
{
    public int Investments => Recipient.Concat(Participants.Select(p => p.InvestmentId)).Distinct().Count();

    public string Summary =>
        $"{AliasNames.Count} alias(es), {Subsidiaries.Count} subsidiary(ies), {Events.Count} event(s), {Models.Count} model(s), " +
        $"{Investments} investment(s), {Mentions.Count} mention(s) moved";
}

/// <summary>The duplicate as it was and exactly what a merge moved (JSON in <see cref="CompanyMerge.Snapshot"/>), so it can be undone.</summary>
internal sealed record MergeSnapshot(
    DuplicateRow Duplicate,
    List<AliasRow> DuplicateAliases,
    List<int> AddedSurvivorAliasIds,
    List<int> Subsidiaries,
    List<EventLink> Events,
    List<int> Models,
    List<int> Recipient,
    List<ParticipantLink> Participants,
    List<int> Mentions)
{
    /// <summary>The duplicate's valuations, moved to the survivor (absent from snapshots made before valuations existed).</summary>
    public List<int>? Valuations { get; init; }
}

internal sealed record DuplicateRow(
    int Id, string Name, CompanyCategory Category, string? Country, string? HeadquartersCity, FuzzyDate? Founded, string? Summary, int? ParentId,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset UpdatedAt, string? UpdatedBy, int Version);

internal sealed record AliasRow(int Id, string Name, AliasKind Kind);

/// <summary>An event the duplicate was linked to; <see cref="SurvivorAdded"/>: the survivor was not, and got the link.</summary>
internal sealed record EventLink(int EventId, bool SurvivorAdded);

/// <summary>An investment the duplicate took part in; <see cref="SurvivorAdded"/>: the survivor did not, and took its place.</summary>
internal sealed record ParticipantLink(int InvestmentId, bool IsLead, bool SurvivorAdded);
