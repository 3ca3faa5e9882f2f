using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Web.Components.Shared;

/// <summary>Turns DTO values into the words and links the pages show.</summary>
public static class Display
{
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["cloud-maas"] = "Cloud / MaaS",
        ["ipo"] = "IPO",
        ["llm"] = "LLM",
        ["api"] = "API",
    };

    /// <summary>"part-of-month" → "Part of month".</summary>
    public static string Words(string? kebab)
    {
        if (string.IsNullOrEmpty(kebab))
        {
            return string.Empty;
        }
        if (Special.TryGetValue(kebab, out var special))
        {
            return special;
        }
        var words = kebab.Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The profile address of a company named in a DTO (a company's slug is always made from its name).</summary>
    public static string CompanyHref(string name) => $"companies/{Slugs.From(name)}";

    public static string CompanyHref(CompanyLink company) => $"companies/{company.Slug}";

    /// <summary>"2025-02-11 – 2025-02-20", or the single day.</summary>
    public static string Range(DateDto date) => date.Start == date.End ? date.Start : $"{date.Start} – {date.End}";

    /// <summary>The paragraph of an article, by the file name a source quote cites.</summary>
    public static string SourceHref(string file, int paragraph) =>
        string.Create(CultureInfo.InvariantCulture, $"sources/file/{Uri.EscapeDataString(file)}#p{paragraph}");

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Usd(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"US${amount:N0}");

    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural)}");

    private static readonly string[] LowerBoundWords = ["over ", "more than ", "above ", "at least ", "exceeding ", "upwards of "];

    /// <summary>
    /// The amount as the article wrote it; a lower bound reads "over …" unless the article's words already say so
    /// ("over 100 million yuan" stays as it is, not "over over 100 million yuan"). Null when no amount was reported.
    /// </summary>
    public static string? AsReported(InvestmentDto investment)
    {
        var text = investment.AsReported;
        if (text is null || !investment.IsLowerBound || LowerBoundWords.Any(w => text.StartsWith(w, StringComparison.OrdinalIgnoreCase)))
        {
            return text;
        }
        return $"over {text}";
    }

    public static string Amount(InvestmentDto investment)
    {
        if (investment.AsReported is null)
        {
            return "Amount not reported";
        }
        var text = AsReported(investment)!;
        if (investment.AmountUsd is { } usd)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" (≈ US${usd:N0}{(investment.UsdIsReported ? ", as reported" : string.Empty)})");
        }
        return text;
    }
}
