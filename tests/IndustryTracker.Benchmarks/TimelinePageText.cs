using System.Net;
using System.Text.RegularExpressions;

namespace IndustryTracker.Benchmarks;

/// <summary>What the circuit drivers read from a prerendered timeline page: its first category facet link and its result count.</summary>
internal static partial class TimelinePageText
{
    /// <summary>The address the page's first category facet links to (the filter it adds, or takes away when selected).</summary>
    public static Uri FirstCategoryLink(string html, Uri page) =>
        FirstCategoryLinkElement().Match(html) is { Success: true } link
            ? new Uri(page, WebUtility.HtmlDecode(link.Groups["href"].Value))
            : throw new InvalidOperationException("The timeline shows no category facet to follow.");

    /// <summary>The text of the page's result count (#result-count), e.g. "1,698 events".</summary>
    public static string ResultCount(string html) =>
        ResultCountElement().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["text"].Value)
            : throw new InvalidOperationException("The page shows no result count (#result-count).");

    [GeneratedRegex(@"id=""facet-categories"".*?<a class=""facet-link"" href=""(?<href>[^""]+)""", RegexOptions.Singleline)]
    private static partial Regex FirstCategoryLinkElement();

    [GeneratedRegex(@"id=""result-count""[^>]*>(?<text>[^<]+)<")]
    private static partial Regex ResultCountElement();
}
