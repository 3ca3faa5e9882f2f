using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Investments;

namespace IndustryTracker.Core.Import;

/// <summary>
/// One deal stated twice in an article is one investment: same kind (a round and a listing of the same company are one
/// deal told two ways), same company, and amounts that agree (<see cref="InvestmentExtractor.Equivalent"/>). The merged
/// record keeps every amount (local currency first), every investor and quote, and the more precise date.
/// </summary>
public static class InvestmentMerger
{
    public static List<InvestmentFact> Merge(IEnumerable<InvestmentFact> facts, ReferenceData reference)
    {
        var result = new List<InvestmentFact>();
        // Only deals of the same company with an agreeing amount can be one deal: each fact is compared with those
        // (DealIndex), not with every deal, so an article stating many rounds of one company merges in linear time.
        var deals = new DealIndex<CompanyIdentity>(reference);
        foreach (var fact in facts)
        {
            var index = -1;
            if (fact.Subject is { } subject)
            {
                var candidates = deals.Candidates(subject, AmountsOf(fact));
                var at = candidates.FindIndex(i => SameInvestment(result[i], fact, reference));
                index = at < 0 ? -1 : candidates[at];
            }
            if (index < 0)
            {
                result.Add(fact);
                if (fact.Subject is { } newSubject)
                {
                    deals.Add(result.Count - 1, newSubject, AmountsOf(fact));
                }
                continue;
            }
            var kept = result[index];
            var amounts = kept.Amounts.ToList();
            foreach (var amount in fact.Amounts.Where(a => !amounts.Any(k => k.Currency == a.Currency && k.Amount == a.Amount)))
            {
                amounts.Add(amount);
            }
            // The amount of record is reported in the local currency when one is given.
            amounts = amounts.OrderBy(a => a.Currency == "USD" ? 1 : 0).ToList();
            result[index] = kept with
            {
                Kind = kept.Kind == InvestmentKind.Ipo || fact.Kind == InvestmentKind.Ipo ? InvestmentKind.Ipo : kept.Kind,
                Listing = kept.Listing is null ? fact.Listing : fact.Listing is null ? kept.Listing : (ListingStatus)Math.Max((int)kept.Listing, (int)fact.Listing),
                Tranche = kept.Tranche ?? fact.Tranche,
                Amounts = amounts,
                Investors = kept.Investors.Concat(fact.Investors.Where(i => !kept.Investors.Any(k => k.Company == i.Company))).ToList(),
                Round = kept.Round ?? fact.Round,
                Purpose = kept.Purpose ?? fact.Purpose,
                Period = kept.Period ?? fact.Period,
                Announced = Preferred(kept.Announced, fact.Announced),
                Sources = kept.Sources.Concat(fact.Sources.Where(s => !kept.Sources.Contains(s))).ToList(),
            };
            deals.Add(index, result[index].Subject!, AmountsOf(result[index]));
        }
        return result;
    }

    private static (decimal Amount, string Currency)[] AmountsOf(InvestmentFact fact) => [.. fact.Amounts.Select(a => (a.Amount, a.Currency))];

    /// <summary>Same kind, same company, and amounts that agree (see the class summary).</summary>
    public static bool SameInvestment(InvestmentFact a, InvestmentFact b, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!SameKind(a.Kind, b.Kind) || a.Subject is null || a.Subject != b.Subject)
        {
            return false;
        }
        foreach (var x in a.Amounts)
        {
            foreach (var y in b.Amounts)
            {
                if (InvestmentExtractor.Equivalent(x.Amount, x.Currency, y.Amount, y.Currency, reference))
                {
                    return true;
                }
            }
        }
        return a.Amounts.Count == 0 && b.Amounts.Count == 0 && a.Investors.Select(i => i.Company).ToHashSet().SetEquals(b.Investors.Select(i => i.Company));
    }

    /// <summary>A round and a listing of the same company and amount are one deal told two ways ("raised HK$4.35
    /// billion" and "raised HK$4.35 billion in a Hong Kong listing").</summary>
    private static bool SameKind(InvestmentKind a, InvestmentKind b) =>
        a == b || (a is InvestmentKind.FundingRound or InvestmentKind.Ipo && b is InvestmentKind.FundingRound or InvestmentKind.Ipo);

    private static FuzzyDate? Preferred(FuzzyDate? a, FuzzyDate? b) =>
        a is null ? b : b is null ? a : b.Precision < a.Precision ? b : a;
}
