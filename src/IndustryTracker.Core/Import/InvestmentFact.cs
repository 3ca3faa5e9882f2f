using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>An investor named by the article; <see cref="IsLead"/> for "led by".</summary>
public sealed record InvestorFact(CompanyIdentity Company, bool IsLead);

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
}
