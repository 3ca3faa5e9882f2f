using System.Text.RegularExpressions;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// What one amount of money in a sentence is (see <see cref="InvestmentExtractor"/> for the rules): not an investment
/// (a price, revenue, a valuation, a total, a forecast, money kept), a funding round or a listing (with round label,
/// tranche and listing status; roles from <see cref="InvestmentRoles"/>), a capital-expenditure plan or a government
/// fund. The words read are those of the amount's own clause and segment, so two amounts of one sentence keep their own
/// investors.
/// </summary>
public static partial class InvestmentReading
{
    /// <summary>"Raised $X" in a sentence about funding, not a valuation or money kept: money someone received.</summary>
    public static bool IsRaised(string text, MoneyAmount amount)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(amount);
        var before = text[..amount.Index];
        return RaisedBeforeRegex().IsMatch(before) && FundingRegex().IsMatch(text) && !ValueBeforeRegex().IsMatch(before) && !KeptBeforeRegex().IsMatch(before);
    }

    public static InvestmentFact? Read(
        SentenceScan sentence,
        MoneyAmount amount,
        CompanyDirectory directory,
        Dictionary<int, TimelineEntry> timeline,
        DateReference? dates)
    {
        var text = sentence.Text;
        var before = text[..amount.Index];
        var after = text[amount.End..];
        var raised = RaisedBeforeRegex().IsMatch(before);
        if (PerShareAfterRegex().IsMatch(after) || KeptBeforeRegex().IsMatch(before) || ValueBeforeRegex().IsMatch(before)
            || TotalRegex().IsMatch(Window(text, amount)) || ForecastRegex().IsMatch(before[Math.Max(0, before.Length - 60)..])
            || (!raised && NotInvestmentRegex().IsMatch(Window(text, amount))))
        {
            return null;
        }
        var source = new SourceQuote(sentence.Number, text);
        var announced = timeline.TryGetValue(sentence.Number, out var entry) ? entry.Date : DateIn(text, dates);
        var (clauseStart, clauseEnd) = Clause(text, amount);
        var segment = Segment(text, amount, clauseStart, clauseEnd);

        if (FundingRegex().IsMatch(segment) || raised)
        {
            if (InvestmentRoles.Resolve(sentence, amount, clauseStart, clauseEnd, segment, directory) is not { } roles)
            {
                return null;
            }
            var (recipient, investors, confidence) = roles;
            // A listing when the amount's own words say so, or when the sentence does and the amount's words name no
            // other kind of deal ("priced its shares at HK$165 … and raised HK$4.8 billion").
            var ipo = !PrivateRegex().IsMatch(segment)
                && (IpoRegex().IsMatch(segment) || (IpoRegex().IsMatch(text) && !OtherDealRegex().IsMatch(segment)));
            var round = RoundRegex().Match(text);
            var tranche = TrancheRegex().Match(text);
            return new InvestmentFact(
                ipo ? InvestmentKind.Ipo : InvestmentKind.FundingRound, recipient, investors, [amount],
                round.Success ? round.Groups["round"].Value : null, null, null, announced, [source])
            {
                Listing = ipo ? ListingStatusOf(before) : null,
                Tranche = tranche.Success ? tranche.Value : null,
                Provenance = new Provenance(
                    ipo ? "investment.listing" : investors.Any(i => i.IsLead) ? "investment.led-by" : investors.Count > 0 ? "investment.backers" : "investment.round",
                    confidence),
            };
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
                announced, [source])
            {
                Provenance = new Provenance("investment.capex-plan", sentence.Companies.Count > 0 ? FactConfidence.High : FactConfidence.Medium),
            };
        }

        if (GovernmentFundRegex().IsMatch(text))
        {
            return new InvestmentFact(InvestmentKind.GovernmentFund, null, [], [amount], null,
                purpose.Success ? purpose.Groups["purpose"].Value.Trim() : null, period.Success ? period.Value.Trim() : null, announced, [source]);
        }
        return null;
    }

    private static ListingStatus ListingStatusOf(string before) =>
        FiledRegex().IsMatch(before) ? ListingStatus.Filed
        : PlannedRegex().IsMatch(before) ? ListingStatus.Planned
        : ListingStatus.Completed;

    /// <summary>
    /// What the sentence says about one amount when it names several: the text of its clause between the amounts
    /// before and after it ("a 3 billion yuan round in December 2024 and 300 million yuan from X": "from X" is about
    /// the second amount only).
    /// </summary>
    private static string Segment(string text, MoneyAmount amount, int clauseStart, int clauseEnd)
    {
        var start = clauseStart;
        var end = clauseEnd;
        foreach (var other in MoneyGrammar.Find(text))
        {
            if (other.End <= amount.Index && other.End > start)
            {
                start = other.End;
            }
            else if (other.Index >= amount.End && other.Index < end)
            {
                end = other.Index;
            }
        }
        // "…listing on Jan. 8, after years of support, including a 3 billion yuan round": the words before the
        // amount's own phrase (from the last comma) describe the amount before it.
        var comma = text.LastIndexOf(", ", amount.Index, amount.Index - start, StringComparison.Ordinal);
        if (comma > start)
        {
            start = comma;
        }
        return text[start..end];
    }

    /// <summary>The clause of the sentence holding the amount: clauses end at ";", ", and", ", while", ", but".</summary>
    private static (int Start, int End) Clause(string text, MoneyAmount amount)
    {
        var start = 0;
        var end = text.Length;
        for (var m = ClauseBreakRegex().Match(text); m.Success; m = m.NextMatch())
        {
            if (m.Index + m.Length <= amount.Index)
            {
                start = m.Index + m.Length;
            }
            else if (m.Index >= amount.End)
            {
                end = m.Index;
                break;
            }
        }
        return (start, end);
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

    /// <summary>The words around an amount (up to 60 characters each side) that say what the money is.</summary>
    private static string Window(string text, MoneyAmount amount)
    {
        var start = Math.Max(0, amount.Index - 60);
        var end = Math.Min(text.Length, amount.End + 60);
        return text[start..end];
    }

    [GeneratedRegex(@"(?:;|,\s+(?:and|while|but|whereas)\s+(?=\S))")]
    private static partial Regex ClauseBreakRegex();

    [GeneratedRegex(@"\b(?:raised|raise|raises|raising|brought in|bringing in|received|secured|closed|collected)\s+(?:a|an|the|about|roughly|around|some|nearly|almost|more than|over|at least|approximately|another|a further|an additional)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RaisedBeforeRegex();

    [GeneratedRegex(@"^\s*(?:per share|a share|apiece|each|per unit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerShareAfterRegex();

    [GeneratedRegex(@"\b(?:to keep|keep|kept|net of|left with)\s+(?:about|roughly|around|some|nearly)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KeptBeforeRegex();

    [GeneratedRegex(@"\b(?:values?|valued|valuing|worth|valuation of|market value of)\s+(?:[\w'-]+\s+){0,3}?(?:at\s+)?(?:about|roughly|around|some|nearly|more than)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ValueBeforeRegex();

    [GeneratedRegex(@"\b(?:together|combined|in total|altogether|a total of|cumulative)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TotalRegex();

    [GeneratedRegex(@"\b(?:predict\w*|forecasts?|forecasting|estimat\w*|projects?|projected|would exceed|will exceed|could reach|would reach)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForecastRegex();

    [GeneratedRegex(@"(?<!pre-)\bIPO\b|\binitial public offering\b|\bpublic offering\b|\b(?:share|stock|Hong Kong|STAR Market) (?:offering|listing)\b|\blisting\b|\blisted\b|\bdebut(?:ed|s)?\b|\bbegan trading\b|\bpriced (?:its )?(?:shares|stock)\b|\bpriced at\b|\bmarketed range\b|\bgo(?:ing)? public\b", RegexOptions.IgnoreCase)]
    private static partial Regex IpoRegex();

    [GeneratedRegex(@"\b(?:round|Series [A-F]|placement|financing|funding|grant|loan|bond)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherDealRegex();

    [GeneratedRegex(@"\b(?:private|pre-IPO)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PrivateRegex();

    [GeneratedRegex(@"\bfiled\b[^.;]*$", RegexOptions.IgnoreCase)]
    private static partial Regex FiledRegex();

    [GeneratedRegex(@"\b(?:plans?|planned|planning|intends?|intended|aims?|aimed|seeks?|sought|hopes?|hoped|expects?|expected|will|would|is set|is due|to raise up to)\s+(?:to\s+)?(?:raise|sell|list)?\b[^.;]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PlannedRegex();

    [GeneratedRegex(@"\b(?:first|second|third|final|last|next)\s+tranche\b", RegexOptions.IgnoreCase)]
    private static partial Regex TrancheRegex();

    [GeneratedRegex(@"\b(?:to train|training|trained|revenue|revenues|sales|shares|stock|sell-off|market (?:value|cap\w*)|valuation|valued at|values|valuing|worth|budget|price|prices|costs?|fined?|penalty|salary|wages|cash|net loss|lost|loss|profit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotInvestmentRegex();

    [GeneratedRegex(@"\b(?:funding|financing|fundraising|round|raised|raises|raising|secured|Series [A-F]|private placement|placement|brought in|received)\b", RegexOptions.IgnoreCase)]
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
