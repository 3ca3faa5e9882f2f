namespace IndustryTracker.Core.Text;

/// <summary>
/// Matching keys for company names: case, punctuation, diacritics and legal suffixes are folded, so
/// "China National Petroleum Corp." and "China National Petroleum" share a key, as do "ByteDance" and "Bytedance".
/// </summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "corp", "corporation", "co", "company", "group", "inc", "incorporated", "ltd", "limited", "llc", "plc",
        "holdings", "holding", "sa", "ag", "gmbh",
    };

    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = Slugs.From(name)
            .Split('-', StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        while (words.Count > 1 && LegalSuffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        return string.Join(' ', words);
    }
}
