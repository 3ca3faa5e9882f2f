using System.Text;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Recognises an article's structure. Each non-empty line (HTML stripped, markup cleaned) goes to three readers in
/// turn, and the first that takes it keeps it: <see cref="ArticleSections"/> drops sections that are not the text
/// (digest, headings, related links) and finds the end; <see cref="ArticleMetadataReader"/> takes the title,
/// publisher, byline, dateline, publication date and URL; <see cref="ArticleBlockReader"/> reads the rest as
/// paragraphs, profiles and timeline entries and numbers them. Rejects text with no title or no body.
/// </summary>
public static class ArticleParser
{
    public const int MaxTitleLength = 200;

    public static ParseResult Parse(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = TextCleaner.StripHtml(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            .Split('\n')
            .Select(TextCleaner.CleanLine)
            .ToList();

        var sections = new ArticleSections();
        var metadata = new ArticleMetadataReader();
        var blocks = new ArticleBlockReader();
        for (var i = 0; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            var section = sections.Read(line);
            if (section == SectionLine.EndOfArticle)
            {
                break;
            }
            if (section == SectionLine.Dropped || metadata.Read(line))
            {
                continue;
            }
            i = blocks.Read(lines, i);
        }

        if (metadata.Title is not { } title)
        {
            return new ParseResult(null, "The file has no title: no line of text outside boilerplate.");
        }
        if (blocks.Count == 0)
        {
            return new ParseResult(null, $"The article '{ArticleMetadataReader.Shorten(title, 60)}' has no text besides its title.");
        }

        var (bioAuthors, bioPublisher) = ArticleMetadataReader.FromAuthorBios(blocks.PlainTexts);
        var (paragraphs, profiles, timeline) = blocks.Finish();
        var clean = new StringBuilder(title);
        foreach (var paragraph in paragraphs)
        {
            clean.Append("\n\n").Append(paragraph.StoredText);
        }
        return new ParseResult(
            new ParsedArticle(title, metadata.Publisher(bioPublisher), metadata.Author(bioAuthors), metadata.Url, paragraphs, profiles, timeline, blocks.Warnings)
            {
                CleanText = clean.ToString(),
                PublishedOn = metadata.PublishedOn,
            },
            null);
    }
}
