using System.Text.RegularExpressions;

namespace IndustryTracker.Core.Import;

/// <summary>What <see cref="ArticleSections.Read"/> made of a line.</summary>
public enum SectionLine
{
    /// <summary>Not section furniture: the metadata and block readers get it.</summary>
    Kept,

    /// <summary>Part of a dropped section (a "- DIGEST HUB" bullet, a heading, a "Related article" and its line).</summary>
    Dropped,

    /// <summary>"About the author(s)" / "About the series": the article ends before it.</summary>
    EndOfArticle,
}

/// <summary>
/// The first reader of each line: sections that are not the article's text. "About the author(s)"/"About the series"
/// ends the article; "- DIGEST HUB" drops itself and the bullets after it; "- PODCAST", "- MOST POPULAR" and other
/// section headings (as a bullet, or alone in capitals) are dropped; "Related article" drops itself and the next line.
/// </summary>
public sealed partial class ArticleSections
{
    private static readonly HashSet<string> Headings = new(StringComparer.OrdinalIgnoreCase)
    {
        "DIGEST HUB", "PODCAST", "MOST POPULAR", "RELATED", "RELATED ARTICLES", "READ MORE", "TRENDING", "ADVERTISEMENT",
    };

    private bool _inDigest;
    private bool _skipNext;

    /// <summary>Reads the next non-empty line.</summary>
    public SectionLine Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_skipNext)
        {
            _skipNext = false;
            return SectionLine.Dropped;
        }
        if (EndOfArticleRegex().IsMatch(line))
        {
            return SectionLine.EndOfArticle;
        }
        var isBullet = ArticleBlockReader.IsBullet(line);
        var bullet = isBullet ? line[1..].Trim() : line;
        if (_inDigest)
        {
            if (isBullet)
            {
                return SectionLine.Dropped;
            }
            _inDigest = false;
        }
        if (isBullet && Headings.Contains(bullet))
        {
            _inDigest = bullet.Equals("DIGEST HUB", StringComparison.OrdinalIgnoreCase);
            return SectionLine.Dropped;
        }
        if (!isBullet && Headings.Contains(line) && line.Equals(line.ToUpperInvariant(), StringComparison.Ordinal))
        {
            return SectionLine.Dropped;
        }
        if (RelatedArticleRegex().IsMatch(line))
        {
            _skipNext = true;
            return SectionLine.Dropped;
        }
        return SectionLine.Kept;
    }

    [GeneratedRegex(@"^about the (?:author|authors|author\(s\)|series)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfArticleRegex();

    [GeneratedRegex(@"^related (?:article|story|stories|articles)$", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedArticleRegex();
}
