using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Review;
using IndustryTracker.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// Investments, one record per fact: a fact that restates an investment already stored (by another article) or
/// already written for this article — same kind, the same subject (recipient or investor) and an agreeing amount, or
/// both without an amount and the same investors; for a listing, the same company's listing — gets this article's
/// quotes instead of a duplicate. An importer-owned record also gains the restatement's investors, a missing amount,
/// date or round, a later listing status and the higher confidence. The first amount is the amount of record; a
/// USD amount is the reported USD figure; without one the amount is converted at the reference FX rate of the
/// announced date. Facts an editor rejected are skipped.
/// </summary>
internal static class InvestmentFactWriter
{
    public static async Task<IReadOnlyDictionary<InvestmentFact, Investment>> WriteAsync(WriteSession session, IReadOnlyList<InvestmentFact> facts, CancellationToken cancellationToken)
    {
        var written = new Dictionary<InvestmentFact, Investment>();
        var thisArticle = new WrittenDeals(session.Reference);
        var stored = new Dictionary<(InvestmentKind, int), List<Investment>>();
        foreach (var fact in facts)
        {
            var subject = fact.Subject is null ? null : session.CompanyFor(fact.Subject);
            var money = MoneyOf(fact);
            var key = FactKeys.Investment(fact.Kind, subject?.Name, money, fact.Announced);
            if (session.Rejections.Rejects(fact.Provenance, key))
            {
                continue;
            }
            var investment = (subject is null ? null : Same(session, fact, subject, thisArticle.For(fact, subject)))
                ?? (subject is { Id: > 0 } ? Same(session, fact, subject, await StoredForAsync(session, stored, fact.Kind, subject.Id, cancellationToken)) : null);
            if (investment is null)
            {
                investment = Create(session, fact, money);
                investment.Record(fact.Provenance, key);
            }
            else if (ImportOwnership.Owns(investment))
            {
                Extend(session, investment, fact, money);
            }
            thisArticle.Add(investment);
            written[fact] = investment;
            foreach (var source in fact.Sources)
            {
                session.Quote(source, (article, paragraph, quote) => Mention.Of(investment, article, paragraph, quote));
            }
        }
        return written;
    }

    /// <summary>
    /// The stored investments of one kind involving a company, read once per article and company: the records this
    /// article creates are matched from its own list, so what is stored doesn't change while the article is written.
    /// </summary>
    private static async Task<List<Investment>> StoredForAsync(
        WriteSession session, Dictionary<(InvestmentKind, int), List<Investment>> read, InvestmentKind kind, int subjectId, CancellationToken cancellationToken)
    {
        if (!read.TryGetValue((kind, subjectId), out var investments))
        {
            investments = await session.Db.Investments
                .Include(i => i.Participants)
                .Where(i => i.Kind == kind && (i.RecipientId == subjectId || i.Participants.Any(p => p.CompanyId == subjectId)))
                .ToListAsync(cancellationToken);
            read[(kind, subjectId)] = investments;
        }
        return investments;
    }

    private static Investment? Same(WriteSession session, InvestmentFact fact, Company? subject, IEnumerable<Investment> candidates)
    {
        if (subject is null)
        {
            return null;
        }
        var investors = fact.Investors.Select(i => session.CompanyFor(i.Company)).ToList();
        return candidates.FirstOrDefault(i => i.Kind == fact.Kind && Involves(i, subject) && (i.Money is { } money
            ? fact.Amounts.Any(a => InvestmentExtractor.Equivalent(money.Amount, money.Currency, a.Amount, a.Currency, session.Reference))
                || (fact.Kind == InvestmentKind.Ipo && fact.Amounts.Count == 0)
            : fact.Kind == InvestmentKind.Ipo || (fact.Amounts.Count == 0 && SameCompanies(i.Participants, investors))));
    }

    /// <summary>
    /// The investments this article wrote or matched so far, in that order, filed by kind, each company involved and
    /// amount (<see cref="DealIndex{TKey}"/>): a fact is compared with the few that may be the same deal, not with all
    /// of them. A company is filed by id once it has one, else by instance (one per company in a write).
    /// </summary>
    private sealed class WrittenDeals(Import.Reference.ReferenceData reference)
    {
        private readonly List<Investment> _deals = [];
        private readonly Dictionary<Investment, int> _positions = new(ReferenceEqualityComparer.Instance);
        private readonly DealIndex<(InvestmentKind Kind, object Company)> _index = new(reference);

        /// <summary>The deals a fact about <paramref name="subject"/> may restate, in the order they were first written:
        /// for a listing every listing involving the company, else those whose amounts may agree (or, without an amount, that have none).</summary>
        public IEnumerable<Investment> For(InvestmentFact fact, Company subject)
        {
            var key = (fact.Kind, Key(subject));
            var positions = fact.Kind == InvestmentKind.Ipo ? _index.All(key) : _index.Candidates(key, [.. fact.Amounts.Select(a => (a.Amount, a.Currency))]);
            return positions.Select(p => _deals[p]);
        }

        /// <summary>Files a deal written or matched for this article; again after a restatement extended it.</summary>
        public void Add(Investment investment)
        {
            if (!_positions.TryGetValue(investment, out var position))
            {
                position = _deals.Count;
                _deals.Add(investment);
                _positions[investment] = position;
            }
            (decimal, string)[] amounts = investment.Money is { } money ? [(money.Amount, money.Currency)] : [];
            var companies = investment.Participants.Select(p => p.Company is { } company ? Key(company) : p.CompanyId);
            if (investment.Recipient is { } recipient)
            {
                companies = companies.Prepend(Key(recipient));
            }
            else if (investment.RecipientId is { } recipientId)
            {
                companies = companies.Prepend(recipientId);
            }
            foreach (var company in companies)
            {
                _index.Add(position, (investment.Kind, company), amounts);
            }
        }

        private static object Key(Company company) => company.Id > 0 ? company.Id : company;
    }

    private static bool Involves(Investment investment, Company company) =>
        Is(investment.Recipient, company) || (company.Id != 0 && investment.RecipientId == company.Id)
        || investment.Participants.Any(p => Is(p.Company, company) || (company.Id != 0 && p.CompanyId == company.Id));

    private static bool Is(Company? a, Company b) => a is not null && (ReferenceEquals(a, b) || (b.Id != 0 && a.Id == b.Id));

    /// <summary>The same investors: the same instance (a company this article adds has no id before the save), else
    /// the same id, as a stored participant's company may not be loaded.</summary>
    private static bool SameCompanies(IReadOnlyList<InvestmentParticipant> stored, List<Company> stated) =>
        stored.Count == stated.Count && stated.All(s => stored.Any(p => Is(p.Company, s) || (s.Id != 0 && p.CompanyId == s.Id)));

    private static Money? MoneyOf(InvestmentFact fact) => fact.Amounts.Count == 0
        ? null
        : new Money(fact.Amounts[0].Amount, fact.Amounts[0].Currency, WriteSession.Text.Truncate(fact.Amounts[0].AsReported, FactLimits.AsReported), fact.Amounts[0].IsLowerBound);

    private static Investment Create(WriteSession session, InvestmentFact fact, Money? money)
    {
        var recipient = fact.Recipient is null ? null : session.CompanyFor(fact.Recipient);
        var investment = new Investment(fact.Kind, recipient)
        {
            RoundLabel = WriteSession.Text.TruncateOrNull(fact.Round, FactLimits.RoundLabel),
            Purpose = WriteSession.Text.TruncateOrNull(fact.Purpose, FactLimits.Purpose),
            Period = WriteSession.Text.TruncateOrNull(fact.Period, FactLimits.Period),
            Announced = fact.Announced,
            Listing = fact.Listing,
        };
        foreach (var investor in fact.Investors)
        {
            investment.AddParticipant(session.CompanyFor(investor.Company), investor.IsLead);
        }
        if (money is not null)
        {
            investment.Money = money;
            ConvertToUsd(session, investment, fact);
        }
        session.Db.Investments.Add(investment);
        return investment;
    }

    /// <summary>A restatement adds what the record lacks; it never replaces a value the record has.</summary>
    private static void Extend(WriteSession session, Investment investment, InvestmentFact fact, Money? money)
    {
        foreach (var investor in fact.Investors)
        {
            investment.AddParticipant(session.CompanyFor(investor.Company), investor.IsLead);
        }
        if (investment.RecipientId is null && investment.Recipient is null && fact.Recipient is not null)
        {
            investment.Recipient = session.CompanyFor(fact.Recipient);
        }
        investment.RoundLabel ??= WriteSession.Text.TruncateOrNull(fact.Round, FactLimits.RoundLabel);
        investment.Announced ??= fact.Announced;
        if (fact.Listing is { } listing && (investment.Listing is null || listing > investment.Listing))
        {
            investment.Listing = listing;
        }
        if (investment.Money is null && money is not null)
        {
            investment.Money = money;
            ConvertToUsd(session, investment, fact);
        }
        else if (fact.Amounts.FirstOrDefault(a => a.Currency == "USD") is { } usd && !investment.UsdIsReported && investment.Money?.Currency != "USD")
        {
            investment.SetReportedUsd(usd.Amount);
        }
        if (investment.Confidence is { } held && fact.Provenance.Confidence < held)
        {
            investment.Confidence = fact.Provenance.Confidence;
        }
    }

    private static void ConvertToUsd(WriteSession session, Investment investment, InvestmentFact fact)
    {
        var main = investment.Money!;
        if (fact.Amounts.FirstOrDefault(a => a.Currency == "USD") is { } usd)
        {
            investment.SetReportedUsd(usd.Amount);
        }
        else if (session.Reference.RateFor(main.Currency, fact.Announced?.Start) is { } rate)
        {
            investment.ConvertToUsd(rate.UsdPerUnit, rate.Date, rate.Source);
        }
    }
}
