namespace IndustryTracker.Core.Import;

/// <summary>How many facts of an article were read with each confidence (companies, models, events, investments, valuations).</summary>
public sealed record ConfidenceCounts(int High, int Medium, int Low)
{
    public static ConfidenceCounts None { get; } = new(0, 0, 0);

    public int Total => High + Medium + Low;

    public static ConfidenceCounts Of(ArticleFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var all = facts.Companies.Select(f => f.Provenance)
            .Concat(facts.Models.Select(f => f.Provenance))
            .Concat(facts.Events.Select(f => f.Provenance))
            .Concat(facts.Investments.Select(f => f.Provenance))
            .Concat(facts.Valuations.Select(f => f.Provenance))
            .Select(p => p.Confidence)
            .ToList();
        return new(all.Count(c => c == FactConfidence.High), all.Count(c => c == FactConfidence.Medium), all.Count(c => c == FactConfidence.Low));
    }

    /// <summary>"12 high, 3 medium, 1 low".</summary>
    public override string ToString() => $"{High} high, {Medium} medium, {Low} low";
}
