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

    private static readonly GatedRegex Backed = new(BackedRegex(), "-backed");

    public static List<InvestmentFact> Extract(
        ParsedArticle article,
        IReadOnlyList<SentenceScan> sentences,
        CompanyDirectory directory,
        ReferenceData reference,
        DateReference? dates,
        List<string>? notes = null,
        CancellationToken cancellationToken = default)
    {
        var timeline = article.Timeline.ToDictionary(t => t.Paragraph);
        var found = new List<InvestmentFact>();
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (Match backed in Backed.Matches(sentence.Text))
            {
                // "Tencent-backed Enflame": an investor relation (never a parent), with no amount.
                if (directory.Resolve(backed.Groups["backer"].Value) is { } backer && directory.Resolve(backed.Groups["name"].Value) is { } backee && backer != backee)
                {
                    found.Add(new InvestmentFact(InvestmentKind.Other, backee, [new InvestorFact(backer, false)], [], null, null, null, null, [new SourceQuote(sentence.Number, sentence.Text)])
                    {
                        Provenance = new Provenance("investment.backed", FactConfidence.High),
                    });
                }
            }
            var amounts = sentence.Amounts;
            var read = false;
            foreach (var amount in amounts)
            {
                if (IsContribution(sentence.Text, amount))
                {
                    // "IDG Capital put up $150 million to lead the round": the investor's share of the round the text
                    // is about, not a round of its own; its investors join that round.
                    var joined = JoinPreviousRound(found, sentence, directory, requireRoles: false);
                    if (!joined)
                    {
                        notes?.Add($"Paragraph {sentence.Number}: {amount.AsReported} is an investor's share of a round the article does not name before; no investment was recorded for it.");
                    }
                    read |= joined;
                    continue;
                }
                var fact = Read(sentence, amount, directory, timeline, dates);
                if (fact is not null)
                {
                    found.Add(fact);
                    read = true;
                }
                else if (RaisedBeforeRegex().IsMatch(sentence.Text[..amount.Index]) && FundingRegex().IsMatch(sentence.Text)
                    && !ValueBeforeRegex().IsMatch(sentence.Text[..amount.Index]) && !KeptBeforeRegex().IsMatch(sentence.Text[..amount.Index]))
                {
                    // Money raised whose recipient the sentence does not let us tell: no guess, a note instead.
                    notes?.Add($"Paragraph {sentence.Number}: {amount.AsReported} raised, but the sentence does not say by whom; no investment was recorded.");
                }
            }
            if (!read && InvestorWordsRegex().IsMatch(sentence.Text))
            {
                // "For Zhipu AI, cornerstone investors including A and B took up…", "UBS was among the other buyers":
                // investors of a deal named before.
                JoinPreviousRound(found, sentence, directory, requireRoles: true);
            }
        }
        return Merge(found, reference);
    }

    private static bool IsContribution(string text, MoneyAmount amount) =>
        ContributionBeforeRegex().IsMatch(text[..amount.Index]) && ContributionAfterRegex().IsMatch(text[amount.End..]);

    /// <summary>
    /// Adds the investors a sentence names to the latest deal of the company it is about (the company named in it
    /// that is not an investor, else its subject), or to the latest deal of the article. Returns whether it did.
    /// </summary>
    private static bool JoinPreviousRound(List<InvestmentFact> found, SentenceScan sentence, CompanyDirectory directory, bool requireRoles)
    {
        var investors = InvestorsIn(sentence.Text, directory);
        if (investors.Count == 0)
        {
            return false;
        }
        var about = sentence.Companies.FirstOrDefault(c => investors.All(i => i.Company != c)) ?? sentence.Subject ?? sentence.Context;
        var index = found.FindLastIndex(f => f.Recipient is not null && f.Recipient == about && f.Kind is InvestmentKind.FundingRound or InvestmentKind.Ipo);
        if (index < 0 && !requireRoles)
        {
            index = found.FindLastIndex(f => f.Recipient is not null && investors.All(i => i.Company != f.Recipient) && f.Kind is InvestmentKind.FundingRound or InvestmentKind.Ipo);
        }
        if (index < 0 && requireRoles && WasAmongRegex().IsMatch(sentence.Text))
        {
            index = found.FindLastIndex(f => f.Recipient is not null && investors.All(i => i.Company != f.Recipient) && f.Kind is InvestmentKind.FundingRound or InvestmentKind.Ipo);
        }
        if (index < 0)
        {
            return false;
        }
        var kept = found[index];
        var source = new SourceQuote(sentence.Number, sentence.Text);
        found[index] = kept with
        {
            Investors = kept.Investors.Concat(investors.Where(i => kept.Investors.All(k => k.Company != i.Company) && i.Company != kept.Recipient)).ToList(),
            Sources = kept.Sources.Contains(source) ? kept.Sources : kept.Sources.Append(source).ToList(),
        };
        return true;
    }

    private static List<InvestorFact> InvestorsIn(string text, CompanyDirectory directory) =>
        CompanyDiscovery.Investors(text)
            .Select(i => (Company: directory.Resolve(i.Name), i.IsLead))
            .Where(i => i.Company is not null)
            .GroupBy(i => i.Company)
            .Select(g => new InvestorFact(g.Key!, g.Any(i => i.IsLead)))
            .ToList();

    public static List<InvestmentFact> Merge(IEnumerable<InvestmentFact> facts, ReferenceData reference)
    {
        var result = new List<InvestmentFact>();
        // Only deals of the same company can be one deal: each fact is compared with those, not with every deal.
        var bySubject = new Dictionary<CompanyIdentity, List<int>>();
        foreach (var fact in facts)
        {
            var index = -1;
            if (fact.Subject is { } subject && bySubject.TryGetValue(subject, out var candidates))
            {
                var at = candidates.FindIndex(i => SameInvestment(result[i], fact, reference));
                index = at < 0 ? -1 : candidates[at];
            }
            if (index < 0)
            {
                result.Add(fact);
                if (fact.Subject is { } newSubject)
                {
                    if (!bySubject.TryGetValue(newSubject, out var indices))
                    {
                        bySubject[newSubject] = indices = [];
                    }
                    indices.Add(result.Count - 1);
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
        }
        return result;
    }

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
                if (Equivalent(x.Amount, x.Currency, y.Amount, y.Currency, reference))
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
        var clause = text[clauseStart..clauseEnd];
        var segment = Segment(text, amount, clauseStart, clauseEnd);

        if (FundingRegex().IsMatch(segment) || raised)
        {
            var investors = InvestorsIn(segment, directory);
            var confidence = FactConfidence.High;
            var named = sentence.CompanyMatches
                .Where(c => c.Start >= sentence.Start + clauseStart && c.End <= sentence.Start + clauseEnd && investors.All(i => i.Company != c.Value))
                .ToList();
            // "a US$500 million round in Moonshot AI": the company after "round in" is the recipient.
            var roundIn = RoundInRegex().Match(after);
            var recipient = roundIn.Success
                ? named.Where(c => c.Start == sentence.Start + amount.End + roundIn.Groups["name"].Index).Select(c => c.Value).FirstOrDefault()
                : null;
            recipient ??= named
                .Where(c => c.Start < sentence.Start + amount.Index && !NotSubjectBeforeRegex().IsMatch(text[Math.Max(0, c.Start - sentence.Start - 12)..(c.Start - sentence.Start)])
                    && !text[(c.End - sentence.Start)..].StartsWith("-backed", StringComparison.Ordinal))
                .Select(c => c.Value)
                .FirstOrDefault();
            if (recipient is null && sentence.Subject is { } subject && investors.All(i => i.Company != subject))
            {
                recipient = subject;
                confidence = FactConfidence.Medium;
            }
            if (recipient is null)
            {
                return null;
            }
            if (roundIn.Success && JoinedRegex().IsMatch(clause) && (sentence.Subject ?? (sentence.Companies.Count > 0 ? sentence.Companies[0] : null)) is { } joiner && joiner != recipient && investors.All(i => i.Company != joiner))
            {
                // "it joined a US$500 million round in Moonshot AI": the subject is an investor.
                investors.Add(new InvestorFact(joiner, false));
            }
            else if (BackedVerbRegex().IsMatch(before) && sentence.Subject is { } backer && backer != recipient && investors.All(i => i.Company != backer))
            {
                // "It backed Zhipu AI's 3 billion yuan round": the subject is an investor.
                investors.Add(new InvestorFact(backer, false));
            }
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
        foreach (Match m in ClauseBreakRegex().Matches(text))
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

    [GeneratedRegex(@"^\s+(?:[\w-]+\s+){0,3}?(?:round|investment|stake|financing)\s+(?:in|into)\s+(?<name>[A-Z])")]
    private static partial Regex RoundInRegex();

    [GeneratedRegex(@"(?:by|former|ex-|from|like|than|with|rival|of)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex NotSubjectBeforeRegex();

    [GeneratedRegex(@"\b(?:joined|joins|took part in|participated in|invested in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JoinedRegex();

    [GeneratedRegex(@"\b(?:backed|funded|joined|invested in)\s+(?:[\w'\u2019.-]+\s+){0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex BackedVerbRegex();

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

    [GeneratedRegex(@"(?:put up|invested|contributed|committed|provided|pledged|chipped in)\s+(?:about|roughly|around|some|nearly|more than|over|at least)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ContributionBeforeRegex();

    [GeneratedRegex(@"^\s+(?:to (?:lead|join|take part in|participate in|anchor)|in the round|in the (?:first |second )?tranche|to the round)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContributionAfterRegex();

    [GeneratedRegex(@"\b(?:cornerstone|investors|backers|buyers|subscribers|shareholders|participants)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvestorWordsRegex();

    [GeneratedRegex(@"\b(?:was|were)\s+(?:among|one of)\s+the\b", RegexOptions.IgnoreCase)]
    private static partial Regex WasAmongRegex();

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
