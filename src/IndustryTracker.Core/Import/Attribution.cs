using System.Text.RegularExpressions;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Who says so is not what happened: "…, according to investors familiar with the matter", "…, analysts said",
/// "…, said people briefed on the talks". <see cref="Strip"/> removes such attribution so that the kind of news and
/// the verb of happening are read from the statement itself — "investors" in an attribution does not make a sentence
/// investment news, and "said" in one is not the action of the event.
/// </summary>
public static partial class Attribution
{
    /// <summary><paramref name="text"/> without its attribution clauses (the text itself when it has none).</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("according to", StringComparison.OrdinalIgnoreCase) && !SaidRegex().IsMatch(text) && !FamiliarRegex().IsMatch(text))
        {
            return text;
        }
        var stripped = AccordingToRegex().Replace(text, string.Empty);
        stripped = TrailingSpeakerRegex().Replace(stripped, string.Empty);
        stripped = FamiliarRegex().Replace(stripped, string.Empty);
        return stripped;
    }

    [GeneratedRegex(@"\b(?:said|says|say|told reporters|wrote|noted|added)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaidRegex();

    /// <summary>"according to X" up to the next clause break or the end.</summary>
    [GeneratedRegex(@",?\s*\b(?i:according to)\b[^,;]*", RegexOptions.None)]
    private static partial Regex AccordingToRegex();

    /// <summary>"…, analysts said." / "…, the company said on Monday." / "…, said people briefed on the talks."</summary>
    [GeneratedRegex(@",\s*(?:[^,;]{1,80}?\s+(?:said|says|say|told reporters|wrote|noted|added)(?:\s+(?:on|in|last)\s+\w+)?|(?:said|says)\s+[^,;]{1,80}?)\s*[.!]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingSpeakerRegex();

    /// <summary>"people familiar with the matter", "sources briefed on the plans".</summary>
    [GeneratedRegex(@",?\s*\b(?:people|persons|sources|investors|analysts|executives|officials|bankers)\s+(?:familiar with|briefed on|close to|with knowledge of)\s+the\s+\w+", RegexOptions.IgnoreCase)]
    private static partial Regex FamiliarRegex();
}
