using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Import;

/// <summary>
/// One event per dated timeline entry, with the companies and models its text names, a keyword-inferred category
/// and the entry itself as the source. Only companies named in the entry are involved, never the article's subject.
/// </summary>
public static class TimelineExtractor
{
    public const int MaxTitleLength = 200;

    public static List<EventFact> Extract(ParsedArticle article, IReadOnlyList<ParagraphScan> scans)
    {
        var byNumber = scans.ToDictionary(s => s.Paragraph.Number);
        var events = new List<EventFact>();
        foreach (var entry in article.Timeline)
        {
            var scan = byNumber[entry.Paragraph];
            var title = Shorten(entry.Text);
            events.Add(new EventFact(
                title,
                title.Length < entry.Text.Length ? entry.Text : null,
                entry.Date,
                EventClassifier.Classify(entry.Text),
                scan.Companies.Select(c => c.Value).Distinct().ToList(),
                scan.Models.Select(m => m.Value).Distinct().ToList(),
                [new SourceQuote(entry.Paragraph, entry.Text)],
                FromTimeline: true));
        }
        return events;
    }

    internal static string Shorten(string text)
    {
        if (text.Length <= MaxTitleLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', MaxTitleLength - 1);
        return text[..(cut > MaxTitleLength / 2 ? cut : MaxTitleLength - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
