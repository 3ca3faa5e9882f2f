using System.Globalization;
using System.Text.RegularExpressions;

namespace IndustryTracker.Core.Text;

/// <summary>An amount of money found in text: value, ISO currency, the words as written, and whether it is a bound.</summary>
public sealed record MoneyAmount(decimal Amount, string Currency, string AsReported, bool IsLowerBound, bool IsUpperBound, int Index, int Length)
{
    public int End => Index + Length;
}

/// <summary>
/// The money grammar: "[qualifier] [currency] number [scale] [currency]". Currencies: <c>$</c>, <c>US$</c>,
/// <c>USD</c>, "dollars" → USD; "yuan", <c>RMB</c>, <c>CNY</c>, <c>¥</c> → CNY; <c>€</c>/"euros" → EUR. Scales:
/// thousand, million, billion, trillion (and m/bn). Qualifiers "over", "more than", "exceeded", "at least", "upwards of"
/// make a lower bound; "less than", "under", "up to", "nearly", "almost" an upper bound. A number without a currency
/// is not money ("100,000 modified chips", "1.38 billion users").
/// </summary>
public static partial class MoneyGrammar
{
    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["m"] = 1_000_000m, ["mn"] = 1_000_000m,
        ["billion"] = 1_000_000_000m, ["bn"] = 1_000_000_000m, ["b"] = 1_000_000_000m, ["trillion"] = 1_000_000_000_000m,
    };

    public static IReadOnlyList<MoneyAmount> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<MoneyAmount>();
        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return result; // every amount has a number
        }
        for (var m = MoneyRegex().Match(text); m.Success; m = m.NextMatch())
        {
            var prefix = m.Groups["pre"].Value;
            var suffix = m.Groups["post"].Value;
            if (prefix.Length == 0 && suffix.Length == 0)
            {
                continue;
            }
            var currency = Currency(prefix.Length > 0 ? prefix : suffix);
            if (currency is null
                || !decimal.TryParse(m.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }
            var scale = m.Groups["scale"].Success ? Scales[m.Groups["scale"].Value] : 1m;
            var qualifier = m.Groups["q"].Value.ToLowerInvariant();
            var lower = qualifier.Length > 0 && LowerBoundRegex().IsMatch(qualifier);
            var upper = qualifier.Length > 0 && !lower;
            result.Add(new MoneyAmount(number * scale, currency, m.Value.Trim().Replace("\\$", "$", StringComparison.Ordinal), lower, upper, m.Index, m.Length));
        }
        return result;
    }

    private static string? Currency(string token)
    {
        var t = token.Trim().TrimEnd('.').ToLowerInvariant();
        return t switch
        {
            "$" or "\\$" or "us$" or "us\\$" or "usd" or "dollars" or "u.s. dollars" or "us dollars" => "USD",
            "yuan" or "rmb" or "cny" or "¥" or "renminbi" or "yuan renminbi" => "CNY",
            "€" or "eur" or "euros" => "EUR",
            "hk$" or "hk\\$" or "hong kong dollars" => "HKD",
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?:over|more than|exceed\w*|at least|upwards of|above|in excess of)", RegexOptions.IgnoreCase)]
    private static partial Regex LowerBoundRegex();

    [GeneratedRegex(
        @"(?:(?<q>\b(?:over|more than|exceeded|exceeds|exceeding|at least|upwards of|above|in excess of|less than|under|up to|nearly|almost|fewer than)\s+)(?:an?\s+)?)?" +
        @"(?<pre>(?:US|HK)\\?\$|\\?\$|USD\s?|RMB\s?|CNY\s?|¥|€)?" +
        @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)" +
        @"(?:\s*(?<scale>thousand|million|billion|trillion|bn|mn|m|b)\b)?" +
        @"(?:\s+(?<post>yuan|RMB|renminbi|dollars|U\.S\. dollars|US dollars|euros|Hong Kong dollars)\b)?",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MoneyRegex();
}
