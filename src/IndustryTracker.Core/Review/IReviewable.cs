using IndustryTracker.Core.Import;

namespace IndustryTracker.Core.Review;

/// <summary>
/// A fact the importer may write: events, investments and valuations. It records the extraction rule and the
/// confidence it was read with, and whether an editor confirmed it. Columns "ImportRule", "ImportKey", "Confidence",
/// "ConfirmedAt", "ConfirmedBy" (migration 0007_Review).
/// </summary>
public interface IReviewable
{
    /// <summary>The extraction rule that produced the fact ("investment.led-by"); null for facts an editor wrote.</summary>
    string? ImportRule { get; set; }

    /// <summary>The stable key of the fact that created the record (<see cref="FactKeys"/>), remembered when it is rejected.</summary>
    string? ImportKey { get; set; }

    /// <summary>How sure that rule is; null for facts an editor wrote.</summary>
    FactConfidence? Confidence { get; set; }

    DateTimeOffset? ConfirmedAt { get; set; }
    string? ConfirmedBy { get; set; }
}

public static class Reviewable
{
    public static ReviewState ReviewState(this IReviewable fact) =>
        fact.ConfirmedAt is null ? Review.ReviewState.Unreviewed : Review.ReviewState.Confirmed;

    /// <summary>Marks the fact confirmed by <paramref name="by"/> at <paramref name="at"/>.</summary>
    public static void Confirm(this IReviewable fact, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        fact.ConfirmedAt = at;
        fact.ConfirmedBy = by.Trim();
    }

    /// <summary>Records where an imported fact came from: the rule and its confidence.</summary>
    public static void Record(this IReviewable fact, Provenance provenance, string key)
    {
        fact.ImportRule = provenance.Rule.Length <= FactLimits.Rule ? provenance.Rule : provenance.Rule[..FactLimits.Rule];
        fact.ImportKey = key;
        fact.Confidence = provenance.Confidence;
    }
}

/// <summary>Column lengths shared by the entity configurations and the writer.</summary>
public static class FactLimits
{
    public const int Rule = 100;
    public const int FactKey = 400;
    public const int Quote = 4000;
    public const int Title = 500;
    public const int Summary = 8000;
    public const int AsReported = 200;
    public const int Actor = 256;
    public const int FileName = 260;
    public const int Publisher = 200;
    public const int Author = 300;
    public const int Url = 2000;
    public const int RoundLabel = 100;
    public const int Purpose = 1000;
    public const int Period = 100;
}
