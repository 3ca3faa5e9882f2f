using System.Text;
using System.Text.RegularExpressions;

namespace IndustryTracker.Core.Text;

/// <summary>Removes markup from article text: HTML and script tags, Markdown emphasis, links and escapes.</summary>
public static partial class TextCleaner
{
    /// <summary>
    /// Removes script/style blocks, comments and tags from a whole document; "&lt;https://…&gt;" autolinks keep their URL.
    /// Line structure is preserved.
    /// </summary>
    public static string StripHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = AutolinkRegex().Replace(text, "${url}");
        s = ScriptRegex().Replace(s, string.Empty);
        s = CommentRegex().Replace(s, string.Empty);
        s = TagRegex().Replace(s, string.Empty);
        s = s.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase)
            .Replace("&quot;", "\"", StringComparison.OrdinalIgnoreCase)
            .Replace("&#39;", "'", StringComparison.Ordinal)
            .Replace("&apos;", "'", StringComparison.OrdinalIgnoreCase)
            .Replace("&amp;", "&", StringComparison.OrdinalIgnoreCase);
        return s;
    }

    /// <summary>
    /// Cleans one line: Markdown links "[text](#)" become "text", "**bold**" and "__bold__" lose their markers,
    /// backslash escapes ("US\$3") are resolved, control characters dropped and runs of spaces collapsed.
    /// </summary>
    public static string CleanLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var s = MarkdownLinkRegex().Replace(line, "${text}");
        s = BoldRegex().Replace(s, "${text}");
        s = s.Replace("**", string.Empty, StringComparison.Ordinal);
        s = EscapeRegex().Replace(s, "${ch}");
        s = HeadingRegex().Replace(s, string.Empty);
        var builder = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (ch == '\t' || ch == '\u00a0')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(ch) && ch != '\ufeff')
            {
                builder.Append(ch);
            }
        }
        s = SpacesRegex().Replace(builder.ToString(), " ");
        s = SpaceBeforePunctuationRegex().Replace(s, "${p}");
        return s.Trim();
    }

    [GeneratedRegex(@"<(?<url>https?://[^<>\s]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex AutolinkRegex();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<(script|style)\b[^>]*/?>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptRegex();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\[(?<text>[^\[\]]+)\]\([^()\s]*\)")]
    private static partial Regex MarkdownLinkRegex();

    [GeneratedRegex(@"\*\*(?<text>.+?)\*\*|__(?<text>.+?)__")]
    private static partial Regex BoldRegex();

    [GeneratedRegex(@"\\(?<ch>[\\`*_{}\[\]()#+\-.!$])")]
    private static partial Regex EscapeRegex();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@" (?<p>[,;])(?= )")]
    private static partial Regex SpaceBeforePunctuationRegex();
}
