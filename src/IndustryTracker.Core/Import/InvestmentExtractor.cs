using System.Text.RegularExpressions;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Investments from sentences with an amount of money (<see cref="MoneyGrammar"/>). Rules, in order:
/// <list type="number">
/// <item>Not an investment: an amount next to training costs, prices, revenue, shares, sell-offs, valuations or
/// budgets ("spent less than $6 million to train", "$600 billion in Nvidia shares").</item>
/// <item>Funding round: the sentence says funding/financing/round/raised/secured/Series X. The recipient is the
/// last company named before the amount (or the sentence's subject); investors come from "led by A and B" (leads),
/// "backed by", "with participation from"; the round label is written before "funding/round" ("pre-Series A").
/// A round without a recipient is not recorded.</item>
/// <item>Capital-expenditure plan: the sentence says investment/plan/invest/spend/capex and gives a period ("over
/// three years") or a purpose ("to develop AI and cloud infrastructure") after the amount. The spender (first company
/// named, or the subject) is its only investor; there is no recipient.</item>
/// <item>Government fund: "government/state … fund" with set up/launched/established/will invest. Aggregates
/// ("government venture funds have exceeded US$912 billion") are statistics, not investments.</item>
/// </list>
/// Amounts of one article for the same kind and company merge into one investment when they are equal in the same
/// currency, or equivalent within <see cref="EquivalenceTolerance"/> at the reference FX rate in different currencies
/// ("380 billion yuan" and "$52 billion" over three years): the first non-USD amount is the amount of record and a
/// USD amount is its reported USD figure. The announced date is the timeline entry's date or a date in the sentence.
/// </summary>
public static partial class InvestmentExtractor
{
    public const decimal EquivalenceTolerance = 0.15m;

    public static List<InvestmentFact> Extract(
        ParsedArticle article,
        IReadOnlyList<SentenceScan> sentences,
        CompanyDirectory directory,
        ReferenceData reference,
        DateReference? dates)
    {
        var timeline = article.Timeline.ToDictionary(t => t.Paragraph);
        var found = new List<InvestmentFact>();
        foreach (var sentence in sentences)
        {
            foreach (Match backed in BackedRegex().Matches(sentence.Text))
            {
                // "Tencent-backed Enflame": an investor relation (never a parent), with no amount.
                if (directory.Resolve(backed.Groups["backer"].Value) is { } backer && directory.Resolve(backed.Groups["name"].Value) is { } backee && backer != backee)
                {
                    found.Add(new InvestmentFact(InvestmentKind.Other, backee, [new InvestorFact(backer, false)], [], null, null, null, null, [new SourceQuote(sentence.Number, sentence.Text)]));
                }
            }
            foreach (var amount in MoneyGrammar.Find(sentence.Text))
            {
                var fact = Read(sentence, amount, directory, timeline, dates);
                if (fact is not null)
                {
                    found.Add(fact);
                }
            }
        }
        return Merge(found, reference);
    }

    public static List<InvestmentFact> Merge(IEnumerable<InvestmentFact> facts, ReferenceData reference)
    {
        var result = new List<InvestmentFact>();
        foreach (var fact in facts)
        {
            var index = result.FindIndex(r => SameInvestment(r, fact, reference));
            if (index < 0)
            {
                result.Add(fact);
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
                Amounts = amounts,
                Investors = kept.Investors.Concat(fact.Investors.Where(i => !kept.Investors.Any(k => k.Company == i.Company))).ToList(),
                Round = kept.Round ?? fact.Round,
                Purpose = kept.Purpose ?? fact.Purpose,
                Period = kept.Period ?? fact.Period,
                Announced = Preferred(kept.Announced, fact.Announced),
                Sources = kept.Sources.Concat(fact.Sources.Where(s => !kept.Sources.Contains(s))).ToList(),
            };
        }
        return result;
    }

    /// <summary>Same kind, same company, and amounts that agree (see the class summary).</summary>
    public static bool SameInvestment(InvestmentFact a, InvestmentFact b, ReferenceData reference) =>
        a.Kind == b.Kind && a.Subject is not null && a.Subject == b.Subject
        && (a.Amounts.Any(x => b.Amounts.Any(y => Equivalent(x.Amount, x.Currency, y.Amount, y.Currency, reference)))
            || (a.Amounts.Count == 0 && b.Amounts.Count == 0 && a.Investors.Select(i => i.Company).ToHashSet().SetEquals(b.Investors.Select(i => i.Company))));

    public static bool Equivalent(decimal a, string currencyA, decimal b, string currencyB, ReferenceData reference)
    {
        if (currencyA == currencyB)
        {
            return a == b;
        }
        var usdA = currencyA == "USD" ? a : reference.RateFor(currencyA, null) is { } ra ? a * ra.UsdPerUnit : (decimal?)null;
        var usdB = currencyB == "USD" ? b : reference.RateFor(currencyB, null) is { } rb ? b * rb.UsdPerUnit : (decimal?)null;
        if (usdA is not { } x || usdB is not { } y || x <= 0 || y <= 0)
        {
            return false;
        }
        return Math.Abs(x - y) / Math.Max(x, y) <= EquivalenceTolerance;
    }

    private static InvestmentFact? Read(
        SentenceScan sentence,
        MoneyAmount amount,
        CompanyDirectory directory,
        Dictionary<int, TimelineEntry> timeline,
        DateReference? dates)
    {
        var text = sentence.Text;
        if (NotInvestmentRegex().IsMatch(Window(text, amount)))
        {
            return null;
        }
        var source = new SourceQuote(sentence.Number, text);
        var announced = timeline.TryGetValue(sentence.Number, out var entry) ? entry.Date : DateIn(text, dates);
        var after = text[amount.End..];

        if (FundingRegex().IsMatch(text))
        {
            var investors = CompanyDiscovery.Investors(text)
                .Select(i => (Company: directory.Resolve(i.Name), i.IsLead))
                .Where(i => i.Company is not null)
                .Select(i => new InvestorFact(i.Company!, i.IsLead))
                .DistinctBy(i => i.Company)
                .ToList();
            var recipient = sentence.Paragraph.Companies
                .Where(c => c.Start >= sentence.Start && c.Start < sentence.Start + amount.Index && investors.All(i => i.Company != c.Value))
                .Select(c => c.Value)
                .LastOrDefault() ?? sentence.Subject;
            if (recipient is null)
            {
                return null;
            }
            var round = RoundRegex().Match(text);
            return new InvestmentFact(
                InvestmentKind.FundingRound, recipient, investors, [amount],
                round.Success ? round.Groups["round"].Value : null, null, null, announced, [source]);
        }

        var period = PeriodRegex().Match(after);
        var purpose = PurposeRegex().Match(after);
        if (CapexRegex().IsMatch(text) && (period.Success || purpose.Success))
        {
            var spender = (sentence.Companies.Count > 0 ? sentence.Companies[0] : sentence.Subject);
            if (spender is null)
            {
                return null;
            }
            return new InvestmentFact(
                InvestmentKind.CapitalExpenditurePlan, null, [new InvestorFact(spender, false)], [amount], null,
                purpose.Success ? purpose.Groups["purpose"].Value.Trim() : null,
                period.Success ? period.Value.Trim() : null,
                announced, [source]);
        }

        if (GovernmentFundRegex().IsMatch(text))
        {
            return new InvestmentFact(InvestmentKind.GovernmentFund, null, [], [amount], null,
                purpose.Success ? purpose.Groups["purpose"].Value.Trim() : null, period.Success ? period.Value.Trim() : null, announced, [source]);
        }
        return null;
    }

    private static FuzzyDate? DateIn(string text, DateReference? dates)
    {
        foreach (var match in ProseDates.Find(text))
        {
            if (ProseDates.Resolve(match, dates) is { } date)
            {
                return date;
            }
        }
        return null;
    }

    private static FuzzyDate? Preferred(FuzzyDate? a, FuzzyDate? b) =>
        a is null ? b : b is null ? a : b.Precision < a.Precision ? b : a;

    /// <summary>The words around an amount (up to 60 characters each side) that say what the money is.</summary>
    private static string Window(string text, MoneyAmount amount)
    {
        var start = Math.Max(0, amount.Index - 60);
        var end = Math.Min(text.Length, amount.End + 60);
        return text[start..end];
    }

    [GeneratedRegex(@"\b(?<backer>[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,2})-backed\s+(?<name>[A-Z0-9][\w.&]*(?:\s[A-Z][\w.&]*){0,3})")]
    private static partial Regex BackedRegex();

    [GeneratedRegex(@"\b(?:to train|training|trained|revenue|revenues|sales|shares|stock|sell-off|market (?:value|cap\w*)|valuation|valued at|budget|price|prices|costs?|fined?|penalty|salary|wages)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotInvestmentRegex();

    [GeneratedRegex(@"\b(?:funding|financing|fundraising|round|raised|raises|raising|secured|Series [A-F])\b", RegexOptions.IgnoreCase)]
    private static partial Regex FundingRegex();

    [GeneratedRegex(@"(?<round>\b(?:pre-)?Series [A-F]\d?\+?(?:\s+extension)?|\b(?:seed|angel|strategic|pre-IPO)\b)(?=\s+(?:funding|financing|round|investment))", RegexOptions.IgnoreCase)]
    private static partial Regex RoundRegex();

    [GeneratedRegex(@"\b(?:investment|investments|invest|invests|investing|plan|plans|capex|capital expenditure|spend|spending)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CapexRegex();

    [GeneratedRegex(@"\bover (?:the (?:next|coming) )?(?:\w+|\d+) years\b|\bby \d{4}\b|\bthrough \d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodRegex();

    [GeneratedRegex(@"\b(?<purpose>(?:to|for|in) (?:develop|build|bolster|expand|boost|strengthen|upgrade|fund|support)\b[^.;,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeRegex();

    [GeneratedRegex(@"\b(?:government|state|state-backed|provincial|municipal|national)\b[\w\s-]{0,30}?\bfunds?\b.{0,80}\b(?:set up|launched|established|created|will invest|invested|committed)\b|\b(?:set up|launched|established|created)\b.{0,40}\b(?:government|state|state-backed|provincial|municipal|national)\b[\w\s-]{0,30}?\bfund\b", RegexOptions.IgnoreCase)]
    private static partial Regex GovernmentFundRegex();
}
