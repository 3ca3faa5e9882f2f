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
/// <para>This class gates the sentences (which amounts are read, an investor's share joining the round named before, a note
/// when money is raised by nobody the sentence names); <see cref="InvestmentReading"/> reads one amount (kind, round,
/// listing, capex), <see cref="InvestmentRoles"/> resolves who received and who invested, and
/// <see cref="InvestmentMerger"/> merges what one article states twice.</para>
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
                var fact = InvestmentReading.Read(sentence, amount, directory, timeline, dates);
                if (fact is not null)
                {
                    found.Add(fact);
                    read = true;
                }
                else if (InvestmentReading.IsRaised(sentence.Text, amount))
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
        return InvestmentMerger.Merge(found, reference);
    }

    private static bool IsContribution(string text, MoneyAmount amount) =>
        ContributionBeforeRegex().IsMatch(text[..amount.Index]) && ContributionAfterRegex().IsMatch(text[amount.End..]);

    /// <summary>
    /// Adds the investors a sentence names to the latest deal of the company it is about (the company named in it
    /// that is not an investor, else its subject), or to the latest deal of the article. Returns whether it did.
    /// </summary>
    private static bool JoinPreviousRound(List<InvestmentFact> found, SentenceScan sentence, CompanyDirectory directory, bool requireRoles)
    {
        var investors = InvestmentRoles.InvestorsIn(sentence.Text, directory);
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

    /// <summary>Amounts that agree: equal in the same currency, or within <see cref="EquivalenceTolerance"/> of each
    /// other at the reference FX rate.</summary>
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

    [GeneratedRegex(@"\b(?<backer>[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,2})-backed\s+(?<name>[A-Z0-9][\w.&]*(?:\s[A-Z][\w.&]*){0,3})")]
    private static partial Regex BackedRegex();

    [GeneratedRegex(@"(?:put up|invested|contributed|committed|provided|pledged|chipped in)\s+(?:about|roughly|around|some|nearly|more than|over|at least)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ContributionBeforeRegex();

    [GeneratedRegex(@"^\s+(?:to (?:lead|join|take part in|participate in|anchor)|in the round|in the (?:first |second )?tranche|to the round)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContributionAfterRegex();

    [GeneratedRegex(@"\b(?:cornerstone|investors|backers|buyers|subscribers|shareholders|participants)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvestorWordsRegex();

    [GeneratedRegex(@"\b(?:was|were)\s+(?:among|one of)\s+the\b", RegexOptions.IgnoreCase)]
    private static partial Regex WasAmongRegex();
}
