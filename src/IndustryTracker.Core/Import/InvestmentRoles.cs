using System.Text.RegularExpressions;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Who received the money and who put it up, from the sentence's structure: investors from "led by A and B" (leads),
/// "backed by", "with participation from", "backers including" (<see cref="CompanyDiscovery.Investors"/>); the recipient
/// is the company after "round in", else the first company named before the amount that is not an investor (nor after
/// "by", "former", "rival", …, nor "X-backed"), else the sentence's subject (medium confidence). "It joined a round in
/// X" and "it backed X's round" make the subject an investor. No recipient, no roles.
/// </summary>
public static partial class InvestmentRoles
{
    /// <summary>The recipient, investors and confidence of the deal <paramref name="amount"/> belongs to, or null when
    /// the sentence does not say who received it.</summary>
    public static (CompanyIdentity Recipient, List<InvestorFact> Investors, FactConfidence Confidence)? Resolve(
        SentenceScan sentence,
        MoneyAmount amount,
        int clauseStart,
        int clauseEnd,
        string segment,
        CompanyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(amount);
        var text = sentence.Text;
        var investors = InvestorsIn(segment, directory);
        var confidence = FactConfidence.High;
        var named = sentence.CompanyMatches
            .Where(c => c.Start >= sentence.Start + clauseStart && c.End <= sentence.Start + clauseEnd && investors.All(i => i.Company != c.Value))
            .ToList();
        // "a US$500 million round in Moonshot AI": the company after "round in" is the recipient.
        var roundIn = RoundInRegex().Match(text[amount.End..]);
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
        if (roundIn.Success && JoinedRegex().IsMatch(text[clauseStart..clauseEnd]) && (sentence.Subject ?? (sentence.Companies.Count > 0 ? sentence.Companies[0] : null)) is { } joiner && joiner != recipient && investors.All(i => i.Company != joiner))
        {
            // "it joined a US$500 million round in Moonshot AI": the subject is an investor.
            investors.Add(new InvestorFact(joiner, false));
        }
        else if (BackedVerbRegex().IsMatch(text[..amount.Index]) && sentence.Subject is { } backer && backer != recipient && investors.All(i => i.Company != backer))
        {
            // "It backed Zhipu AI's 3 billion yuan round": the subject is an investor.
            investors.Add(new InvestorFact(backer, false));
        }
        return recipient is null ? null : (recipient, investors, confidence);
    }

    /// <summary>The investors a text names, each once (a lead if any mention makes it one).</summary>
    public static List<InvestorFact> InvestorsIn(string text, CompanyDirectory directory) =>
        CompanyDiscovery.Investors(text)
            .Select(i => (Company: directory.Resolve(i.Name), i.IsLead))
            .Where(i => i.Company is not null)
            .GroupBy(i => i.Company)
            .Select(g => new InvestorFact(g.Key!, g.Any(i => i.IsLead)))
            .ToList();

    [GeneratedRegex(@"^\s+(?:[\w-]+\s+){0,3}?(?:round|investment|stake|financing)\s+(?:in|into)\s+(?<name>[A-Z])")]
    private static partial Regex RoundInRegex();

    [GeneratedRegex(@"(?:by|former|ex-|from|like|than|with|rival|of)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex NotSubjectBeforeRegex();

    [GeneratedRegex(@"\b(?:joined|joins|took part in|participated in|invested in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JoinedRegex();

    [GeneratedRegex(@"\b(?:backed|funded|joined|invested in)\s+(?:[\w'\u2019.-]+\s+){0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex BackedVerbRegex();
}
