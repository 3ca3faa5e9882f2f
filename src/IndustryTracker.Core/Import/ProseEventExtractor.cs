using System.Text.RegularExpressions;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Text;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Import;

/// <summary>A sentence of a paragraph body with the companies and models it names.</summary>
public sealed partial record SentenceScan(
    ParagraphScan Paragraph,
    string Text,
    int Start,
    IReadOnlyList<CompanyIdentity> Companies,
    IReadOnlyList<ModelIdentity> Models,
    CompanyIdentity? Subject)
{
    public int Number => Paragraph.Paragraph.Number;

    /// <summary>The sentences of every paragraph (timeline entries only when asked), with a pronoun subject resolved.</summary>
    public static List<SentenceScan> Of(ParsedArticle article, IReadOnlyList<ParagraphScan> scans, CompanyDirectory directory, bool includeTimeline = false)
    {
        var profiles = article.Profiles.ToDictionary(p => p.Paragraph);
        var result = new List<SentenceScan>();
        CompanyIdentity? last = null;
        foreach (var scan in scans)
        {
            if (scan.Paragraph.Kind == BlockKind.TimelineEntry && !includeTimeline)
            {
                continue;
            }
            var profileCompany = profiles.TryGetValue(scan.Paragraph.Number, out var profile) ? directory.Resolve(profile.Name) : null;
            var text = scan.Paragraph.Text;
            var cursor = 0;
            foreach (var sentence in Sentences.Split(text))
            {
                var start = text.IndexOf(sentence, cursor, StringComparison.Ordinal);
                if (start < 0)
                {
                    start = cursor;
                }
                var end = start + sentence.Length;
                cursor = end;
                var companies = scan.Companies.Where(c => c.Start >= start && c.Start < end).Select(c => c.Value).Distinct().ToList();
                var models = scan.Models.Where(m => m.Start >= start && m.Start < end).Select(m => m.Value).Distinct().ToList();
                CompanyIdentity? subject = null;
                if (PronounStartRegex().IsMatch(sentence))
                {
                    subject = profileCompany ?? last;
                }
                else if (profileCompany is not null && !companies.Contains(profileCompany) && PronounRegex().IsMatch(sentence))
                {
                    // In a profile, "it"/"the company" is the profiled company.
                    companies.Insert(0, profileCompany);
                }
                result.Add(new SentenceScan(scan, sentence, start, companies, models, subject));
                if (companies.Count > 0)
                {
                    last = companies[0];
                }
            }
        }
        return result;
    }

    [GeneratedRegex(@"^(?:It|Its|It's|The company|The company's|The firm|The firm's|The startup|The start-up|They|Their)\b")]
    private static partial Regex PronounStartRegex();

    [GeneratedRegex(@"\b(?:it|its|the company|the firm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounRegex();
}

/// <summary>
/// Events from dated statements in running text (paragraphs, profile descriptions, lede lines — not the timeline,
/// which <see cref="TimelineExtractor"/> reads). Rules:
/// <list type="bullet">
/// <item>Each sentence with a date (<see cref="ProseDates"/>) is one event dated by its most precise date; the
/// companies and models it names are involved (a sentence starting "It"/"The company" with none involves the
/// subject: the profiled company, or the company of the previous sentence).</item>
/// <item>"X, founded in May 2023" is a founding: its own event "X founded" and the company's founding date.</item>
/// <item>The reference: a stated publication date ("Published …" line or dateline); else the latest day-exact date
/// the article states (a full date in prose or a timeline entry) gives the year of partial dates, and the latest
/// past date it mentions gives the range relative dates count from. With neither, partial and relative dates are
/// skipped. A partial date resolved after a stated publication date in a past-tense sentence is moved a year back.</item>
/// <item>An event that names no company or model is kept only when its category is not Other (policy, market…).</item>
/// <item>"Set for release on March 16" with one model in the sentence is that model's announced release date.</item>
/// </list>
/// </summary>
public static partial class ProseEventExtractor
{
    public static (List<EventFact> Events, List<ModelReleaseFact> Releases, List<CompanyFoundedFact> Foundings) Extract(
        ParsedArticle article,
        IReadOnlyList<SentenceScan> sentences)
    {
        var reference = Reference(article, sentences);
        var events = new List<EventFact>();
        var releases = new List<ModelReleaseFact>();
        var foundings = new List<CompanyFoundedFact>();
        foreach (var sentence in sentences)
        {
            var dates = ProseDates.Find(sentence.Text);
            if (dates.Count == 0)
            {
                continue;
            }
            var future = FutureRegex().IsMatch(sentence.Text);
            var source = new SourceQuote(sentence.Number, sentence.Text);
            var companies = sentence.Companies.Count == 0 && sentence.Subject is { } subject ? [subject] : sentence.Companies;
            FuzzyDate? eventDate = null;
            foreach (var match in dates)
            {
                var date = Resolve(match, reference, future);
                if (date is null)
                {
                    continue;
                }
                if (FoundedBeforeRegex().IsMatch(sentence.Text[..match.Index]))
                {
                    var founder = FoundedCompany(sentence, match.Index);
                    if (founder is not null && !foundings.Any(f => f.Company == founder))
                    {
                        foundings.Add(new CompanyFoundedFact(founder, date, source));
                        events.Add(new EventFact($"{founder.Name} founded", sentence.Text, date, EventCategory.Other, [founder], [], [source]));
                    }
                    continue;
                }
                if (eventDate is null || date.Precision < eventDate.Precision)
                {
                    eventDate = date;
                }
            }
            if (eventDate is null)
            {
                continue;
            }
            var category = EventClassifier.Classify(sentence.Text);
            if (companies.Count == 0 && sentence.Models.Count == 0 && category == EventCategory.Other)
            {
                continue;
            }
            var title = TimelineExtractor.Shorten(sentence.Text);
            events.Add(new EventFact(title, title.Length < sentence.Text.Length ? sentence.Text : null, eventDate, category, companies, sentence.Models, [source]));
            if (sentence.Models.Count == 1 && ReleaseRegex().IsMatch(sentence.Text))
            {
                releases.Add(new ModelReleaseFact(sentence.Models[0], eventDate, future ? AiModelStatus.Announced : AiModelStatus.Released, source));
            }
        }
        return (events, releases, foundings);
    }

    /// <summary>The article's reference dates (see the class summary), or null when the text pins none.</summary>
    public static DateReference? Reference(ParsedArticle article, IReadOnlyList<SentenceScan> sentences)
    {
        if (article.PublishedOn is { } published)
        {
            return new DateReference(published.Year, published, published, true);
        }
        var exact = article.Timeline.Where(t => t.Date.Precision == DatePrecision.Day).Select(t => t.Date.Start).ToList();
        foreach (var sentence in sentences)
        {
            foreach (var match in ProseDates.Find(sentence.Text).Where(m => m.Kind == ProseDateKind.Explicit))
            {
                if (ProseDates.Resolve(match, null) is { Precision: DatePrecision.Day } day)
                {
                    exact.Add(day.Start);
                }
            }
        }
        if (exact.Count == 0)
        {
            return null;
        }
        var anchor = exact.Max();
        var year = new DateReference(anchor.Year, anchor, anchor, false);
        var from = anchor;
        var to = anchor;
        foreach (var entry in article.Timeline.Where(t => t.Date.Precision is DatePrecision.Day or DatePrecision.PartOfMonth or DatePrecision.Month))
        {
            from = Max(from, entry.Date.Start);
            to = Max(to, entry.Date.End);
        }
        foreach (var sentence in sentences.Where(s => !FutureRegex().IsMatch(s.Text)))
        {
            foreach (var match in ProseDates.Find(sentence.Text).Where(m => m.Kind != ProseDateKind.Relative))
            {
                if (ProseDates.Resolve(match, year) is { } date && date.End.DayNumber - date.Start.DayNumber <= 31)
                {
                    from = Max(from, date.Start);
                    to = Max(to, date.End);
                }
            }
        }
        return new DateReference(anchor.Year, from, to, false);
    }

    private static FuzzyDate? Resolve(ProseDateMatch match, DateReference? reference, bool future)
    {
        var date = ProseDates.Resolve(match, reference);
        if (date is not null && reference is { IsPublished: true } && match.Kind == ProseDateKind.Partial && !future && date.Start > reference.From)
        {
            date = new FuzzyDate(date.Label, date.Start.AddYears(-1), date.End.AddYears(-1), date.Precision);
        }
        return date;
    }

    private static CompanyIdentity? FoundedCompany(SentenceScan sentence, int dateIndex)
    {
        var before = sentence.Paragraph.Companies
            .Where(c => c.Start >= sentence.Start && c.Start < sentence.Start + dateIndex)
            .LastOrDefault();
        return before?.Value ?? sentence.Subject;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    [GeneratedRegex(@"\b(?:founded|established|incorporated|set up|started)\s+(?:only\s+|just\s+|back\s+)?(?:in|on)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex FoundedBeforeRegex();

    [GeneratedRegex(@"\b(?:will|expected to|expects to|is set (?:for|to)|are set (?:for|to)|set for release|scheduled|slated|plans? to|planned for|upcoming|due to (?:be|launch|release))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureRegex();

    [GeneratedRegex(@"\b(?:release|released|launch|launched|debut|debuted|roll(?:ed)? out|unveil(?:ed)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseRegex();
}
