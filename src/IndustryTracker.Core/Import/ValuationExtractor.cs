using System.Text.RegularExpressions;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Valuations: an amount of money that a sentence says a company is worth. Rules (the amount is the one right after
/// the phrase):
/// <list type="bullet">
/// <item>"values/valued/valuing it (the company, X) at A", "a valuation of A", "its last private valuation had been
/// A", "A valuation" (high confidence when the company is named in the phrase);</item>
/// <item>"a market value (capitalisation) of A", "its market value had reached A";</item>
/// <item>"the business/company was worth A".</item>
/// </list>
/// The company is the one named in the phrase, else the first company the sentence names before the amount, else the
/// company the sentence refers to ("it", "the company": the subject so far; medium confidence). Share prices are
/// not valuations. The same company, amount and currency stated twice in one article is one valuation.
/// </summary>
public static partial class ValuationExtractor
{
    public static List<ValuationFact> Extract(IReadOnlyList<SentenceScan> sentences, CompanyDirectory directory, DateReference? dates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var found = new List<ValuationFact>();
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var amount in sentence.Amounts)
            {
                if (Read(sentence, amount, directory, dates) is { } valuation
                    && !found.Any(v => v.Company == valuation.Company && v.Amount == valuation.Amount && v.Currency == valuation.Currency))
                {
                    found.Add(valuation);
                }
            }
        }
        return found;
    }

    private static ValuationFact? Read(SentenceScan sentence, MoneyAmount amount, CompanyDirectory directory, DateReference? dates)
    {
        var text = sentence.Text;
        var before = text[Math.Max(0, amount.Index - 80)..amount.Index];
        var after = text[amount.End..];
        var phrase = ValuedAtRegex().Match(before);
        string rule;
        if (phrase.Success)
        {
            rule = "valuation.valued-at";
        }
        else if ((phrase = MarketValueRegex().Match(before)).Success)
        {
            rule = "valuation.market-value";
        }
        else if ((phrase = WorthRegex().Match(before)).Success)
        {
            rule = "valuation.worth";
        }
        else if (ValuationAfterRegex().IsMatch(after))
        {
            rule = "valuation.amount-valuation";
        }
        else
        {
            return null;
        }
        var confidence = FactConfidence.High;
        CompanyIdentity? company = null;
        if (phrase.Success && phrase.Groups["co"].Success)
        {
            company = directory.Resolve(phrase.Groups["co"].Value);
        }
        company ??= sentence.CompanyMatches
            .Where(c => c.Start >= sentence.Start && c.End <= sentence.Start + amount.Index)
            .Select(c => c.Value)
            .FirstOrDefault();
        if (company is null)
        {
            company = sentence.Subject ?? sentence.Context;
            confidence = FactConfidence.Medium;
        }
        if (company is null)
        {
            return null;
        }
        var date = ProseDates.Find(text).Select(m => ProseDates.Resolve(m, dates)).FirstOrDefault(d => d is not null);
        return new ValuationFact(company, amount.Amount, amount.Currency, amount.AsReported, amount.IsLowerBound, date,
            new SourceQuote(sentence.Number, text), new Provenance(rule, confidence));
    }

    private const string Qualifier = @"(?:(?:about|around|roughly|some|nearly|almost|more than|over|at least|approximately|an estimated)\s+)?";

    [GeneratedRegex(@"\b(?:values?|valued|valuing)\s+(?:it|them|the (?:company|business|firm|start-?up|group)|(?<co>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}))?\s*at\s+" + Qualifier + "$")]
    private static partial Regex ValuedAtRegex();

    [GeneratedRegex(@"\b(?:market (?:value|capitali[sz]ation)|valuation)\s+(?:of|had reached|has reached|reached|was|is|had been|has been|stood at|hit|topped|at)\s+" + Qualifier + "$", RegexOptions.IgnoreCase)]
    private static partial Regex MarketValueRegex();

    [GeneratedRegex(@"\b(?:was|is|were|are|had been|has been)\s+worth\s+" + Qualifier + "$")]
    private static partial Regex WorthRegex();

    [GeneratedRegex(@"^\s+(?:pre-money\s+|post-money\s+)?valuation\b")]
    private static partial Regex ValuationAfterRegex();
}
