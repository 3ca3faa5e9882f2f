namespace IndustryTracker.Core.Review;

/// <summary>
/// An imported fact an editor rejected, remembered by the article's content hash, the rule that read it and a stable
/// key of the fact (<see cref="FactKeys"/>), so that importing the same text again (or an edited version of it)
/// never writes it back. Table "RejectedFacts" (migration 0007_Review).
/// </summary>
public sealed class RejectedFact
{
    private RejectedFact()
    {
        ArticleSha256 = Rule = FactKey = Kind = Quote = RejectedBy = string.Empty;
    }

    public RejectedFact(string articleSha256, string rule, string factKey, string kind, string quote, string rejectedBy, DateTimeOffset rejectedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articleSha256);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(factKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(rejectedBy);
        ArticleSha256 = articleSha256;
        Rule = rule;
        FactKey = factKey;
        Kind = kind;
        Quote = quote;
        RejectedBy = rejectedBy;
        RejectedAt = rejectedAt;
    }

    public int Id { get; private set; }
    public string ArticleSha256 { get; private set; }
    public string Rule { get; private set; }
    public string FactKey { get; private set; }

    /// <summary>"event", "investment" or "valuation".</summary>
    public string Kind { get; private set; }

    /// <summary>The quote the fact was read from, for the record.</summary>
    public string Quote { get; private set; }
    public string RejectedBy { get; private set; }
    public DateTimeOffset RejectedAt { get; private set; }
}
