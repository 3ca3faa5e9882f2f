using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>An investor named by the article; <see cref="IsLead"/> for "led by", "to lead".</summary>
public sealed record InvestorFact(CompanyIdentity Company, bool IsLead)
{
    /// <summary>True for an investor named as joining a round someone else leads ("with X also participating").</summary>
    public bool IsParticipant { get; init; }
}

/// <summary>Where a listing (an investment of kind IPO) stands: planned, filed with a regulator, or completed.</summary>
public enum ListingStatus
{
    Planned,
    Filed,
    Completed,
}

/// <summary>
/// Money committed, as the article states it: the kind, who invests in whom (a capital-expenditure plan has the
/// spender as its only investor and no recipient), every amount reported for it (the first is the amount of record;
/// another currency is a reported equivalent), round, purpose, period, announced date and the quotes.
/// </summary>
public sealed record InvestmentFact(
    InvestmentKind Kind,
    CompanyIdentity? Recipient,
    IReadOnlyList<InvestorFact> Investors,
    IReadOnlyList<MoneyAmount> Amounts,
    string? Round,
    string? Purpose,
    string? Period,
    FuzzyDate? Announced,
    IReadOnlyList<SourceQuote> Sources)
{
    /// <summary>The company whose plan or round this is: the recipient, else the first investor.</summary>
    public CompanyIdentity? Subject => Recipient ?? (Investors.Count > 0 ? Investors[0].Company : null);

    /// <summary>The lead investors ("led by", "to lead").</summary>
    public IEnumerable<CompanyIdentity> Leads => Investors.Where(i => i.IsLead).Select(i => i.Company);

    /// <summary>The investors that are not leads.</summary>
    public IEnumerable<CompanyIdentity> Participants => Investors.Where(i => !i.IsLead).Select(i => i.Company);

    /// <summary>True when the amount of record is a lower bound ("more than $700 million").</summary>
    public bool IsLowerBound => Amounts.Count > 0 && Amounts[0].IsLowerBound;

    /// <summary>For an IPO or listing: planned, filed or completed; null for other kinds.</summary>
    public ListingStatus? Listing { get; init; }

    /// <summary>The tranche the article names ("first tranche"), if any.</summary>
    public string? Tranche { get; init; }

    /// <summary>The rule that produced the investment and its roles.</summary>
    public Provenance Provenance { get; init; } = Provenance.Unspecified;
}
