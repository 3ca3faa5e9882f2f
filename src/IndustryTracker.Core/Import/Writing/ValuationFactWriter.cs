using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Review;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Valuations;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// Valuations, one record per fact: the same company valued at an agreeing amount (stored from another article, or
/// written earlier for this one) is one record with every quote; an importer-owned record takes the more precise
/// date and the higher confidence. The USD figure is the amount itself for USD, else converted at the reference FX
/// rate of the valuation's date. Facts an editor rejected are skipped.
/// </summary>
internal static class ValuationFactWriter
{
    public static async Task<IReadOnlyDictionary<ValuationFact, Valuation>> WriteAsync(WriteSession session, IReadOnlyList<ValuationFact> facts, CancellationToken cancellationToken)
    {
        var written = new Dictionary<ValuationFact, Valuation>();
        foreach (var fact in facts)
        {
            var company = session.CompanyFor(fact.Company);
            var money = new Money(fact.Amount, fact.Currency, WriteSession.Text.Truncate(fact.AsReported, FactLimits.AsReported), fact.IsLowerBound);
            var key = FactKeys.Valuation(company.Name, money);
            if (session.Rejections.Rejects(fact.Provenance, key))
            {
                continue;
            }
            var valuation = Same(session, company, money, written.Values) ?? (company.Id > 0 ? Same(session, company, money, await StoredForAsync(session, company.Id, cancellationToken)) : null);
            if (valuation is null)
            {
                valuation = new Valuation(company, money, fact.Date);
                valuation.Record(fact.Provenance, key);
                if (money.Currency == "USD")
                {
                    valuation.SetReportedUsd(money.Amount);
                }
                else if (session.Reference.RateFor(money.Currency, fact.Date?.Start) is { } rate)
                {
                    valuation.ConvertToUsd(rate.UsdPerUnit, rate.Date, rate.Source);
                }
                session.Db.Valuations.Add(valuation);
            }
            else if (ImportOwnership.Owns(valuation))
            {
                if (fact.Date is { } date && (valuation.Date is null || DateNarrowing.Narrows(date, valuation.Date)))
                {
                    valuation.Date = date;
                }
                if (valuation.Confidence is { } held && fact.Provenance.Confidence < held)
                {
                    valuation.Confidence = fact.Provenance.Confidence;
                }
            }
            written[fact] = valuation;
            session.Quote(fact.Source, (article, paragraph, quote) => Mention.Of(valuation, article, paragraph, quote));
        }
        return written;
    }

    private static Task<List<Valuation>> StoredForAsync(WriteSession session, int companyId, CancellationToken cancellationToken) =>
        session.Db.Valuations.Where(v => v.CompanyId == companyId).ToListAsync(cancellationToken);

    private static Valuation? Same(WriteSession session, Company company, Money money, IEnumerable<Valuation> candidates) =>
        candidates.FirstOrDefault(v =>
            (ReferenceEquals(v.Company, company) || (company.Id != 0 && v.CompanyId == company.Id))
            && InvestmentExtractor.Equivalent(v.Money.Amount, v.Money.Currency, money.Amount, money.Currency, session.Reference));
}
