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

    /// <summary>The sentence's date expressions (<see cref="ProseDates.Find"/>), found once per sentence.</summary>
    public IReadOnlyList<ProseDateMatch> Dates => Paragraph.DatesAt(Start, Text);

    /// <summary>The sentence's amounts of money (<see cref="MoneyGrammar.Find"/>), found once per sentence.</summary>
    public IReadOnlyList<MoneyAmount> Amounts => Paragraph.AmountsAt(Start, Text);

    /// <summary>The company the text was about before this sentence: the profiled company, else the first company of
    /// the latest sentence that named one. "The company", "the start-up", "it" refer to it.</summary>
    public CompanyIdentity? Context { get; init; }

    /// <summary>The company names in the sentence, with their positions in the paragraph.</summary>
    public IReadOnlyList<PhraseMatch<CompanyIdentity>> CompanyMatches { get; init; } = [];

    /// <summary>The model names in the sentence, with their positions in the paragraph.</summary>
    public IReadOnlyList<PhraseMatch<ModelIdentity>> ModelMatches { get; init; } = [];

    /// <summary>The sentences of every paragraph (timeline entries only when asked), with a pronoun subject resolved.</summary>
    public static List<SentenceScan> Of(ParsedArticle article, IReadOnlyList<ParagraphScan> scans, CompanyDirectory directory, bool includeTimeline = false, CancellationToken cancellationToken = default)
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
            var nextCompany = 0;
            var nextModel = 0;
            foreach (var (start, end) in scan.SentenceSpans)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sentence = text[start..end];
                // The matches are in text order: one sweep over them for all sentences.
                while (nextCompany < scan.Companies.Count && scan.Companies[nextCompany].Start < start)
                {
                    nextCompany++;
                }
                while (nextModel < scan.Models.Count && scan.Models[nextModel].Start < start)
                {
                    nextModel++;
                }
                var companyMatches = new List<PhraseMatch<CompanyIdentity>>();
                for (var c = nextCompany; c < scan.Companies.Count && scan.Companies[c].Start < end; c++)
                {
                    companyMatches.Add(scan.Companies[c]);
                }
                var modelMatches = new List<PhraseMatch<ModelIdentity>>();
                for (var m = nextModel; m < scan.Models.Count && scan.Models[m].Start < end; m++)
                {
                    modelMatches.Add(scan.Models[m]);
                }
                var companies = companyMatches.Select(c => c.Value).Distinct().ToList();
                var models = modelMatches.Select(m => m.Value).Distinct().ToList();
                CompanyIdentity? subject = null;
                var investors = scan.InvestorsAt(start, sentence);
                // "In May the company received 1.5 billion yuan from X": a sentence that names only investors is
                // still about the company the text is about.
                if (PronounStartRegex().IsMatch(sentence) || (ReferringRegex().IsMatch(sentence) && Topic(investors, companies, directory) is null))
                {
                    subject = profileCompany ?? last;
                }
                else if (profileCompany is not null && !companies.Contains(profileCompany) && PronounRegex().IsMatch(sentence))
                {
                    // In a profile, "it"/"the company" is the profiled company.
                    companies.Insert(0, profileCompany);
                }
                result.Add(new SentenceScan(scan, sentence, start, companies, models, subject)
                {
                    Context = profileCompany ?? last,
                    CompanyMatches = companyMatches,
                    ModelMatches = modelMatches,
                });
                if (Topic(investors, companies, directory) is { } topic)
                {
                    last = topic;
                }
            }
        }
        return result;
    }

    /// <summary>What a sentence is about: its first company that the sentence does not name as an investor
    /// (<paramref name="investors"/>: the names <see cref="CompanyDiscovery.Investors"/> finds in it).</summary>
    public static CompanyIdentity? Topic(IReadOnlyList<(string Name, bool IsLead)> investors, IReadOnlyList<CompanyIdentity> companies, CompanyDirectory directory)
    {
        if (companies.Count == 0 || investors.Count == 0)
        {
            return companies.Count == 0 ? null : companies[0];
        }
        var named = new List<CompanyIdentity>(investors.Count);
        foreach (var (name, _) in investors)
        {
            if (directory.Resolve(name) is { } investor)
            {
                named.Add(investor);
            }
        }
        return companies.FirstOrDefault(c => !named.Contains(c));
    }

    [GeneratedRegex(@"^(?:It|Its|It's|They|Their|The (?:[A-Z][\w-]+ )?(?:company|firm|startup|start-up|developer|business|chipmaker|chip designer|designer|group|lab)(?:['\u2019]s)?)\b")]
    private static partial Regex PronounStartRegex();

    /// <summary>A definite description or pronoun that refers back to the subject of the text so far.</summary>
    [GeneratedRegex(@"\b(?:it|its|(?i:the)\s+(?:[A-Z][\w.-]*\s+)?(?i:company|firm|startup|start-up|business|group|developer|stock|shares|offering|listing|chipmaker|chip designer))\b")]
    private static partial Regex ReferringRegex();

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
        IReadOnlyList<SentenceScan> sentences,
        ICollection<string>? notes = null,
        CancellationToken cancellationToken = default)
    {
        var reference = Reference(article, sentences);
        var anchor = new DateAnchor();
        var events = new List<EventFact>();
        var releases = new List<ModelReleaseFact>();
        var foundings = new List<CompanyFoundedFact>();
        FuzzyDate? lastDate = null;
        int? lastYear = null;
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            anchor.Enter(sentence.Paragraph.Paragraph);
            var future = FutureRegex().IsMatch(sentence.Text);
            var source = new SourceQuote(sentence.Number, sentence.Text);
            var dates = sentence.Dates;
            if (dates.Count == 0)
            {
                // "The same day, DeepSeek published …": the date of the statement before.
                if (lastDate is not null && SameDayRegex().IsMatch(sentence.Text))
                {
                    var same = sentence.Companies.Count == 0 && sentence.Subject is { } s ? [s] : sentence.Companies;
                    if (same.Count > 0 || sentence.Models.Count > 0)
                    {
                        events.Add(Event(sentence.Text, lastDate, same, sentence.Models, source, future, new Provenance("date.same-day", FactConfidence.Medium)));
                    }
                }
                continue;
            }
            foreach (var clause in Clauses(sentence, dates))
            {
                // A sentence or clause whose subject is "it"/"the company" involves the company the text is about.
                var companies = clause.Companies.ToList();
                var reversed = clause.Dates.FirstOrDefault(d => d.Kind == ProseDateKind.Anchored) is { } first && IsReversed(clause.Text, first);
                var opening = sentence.Text.StartsWith(clause.Text, StringComparison.Ordinal);
                var referred = reversed ? null
                    : ClauseSubjectRegex().IsMatch(clause.Text) ? sentence.Subject ?? (opening ? null : OpeningCompany(sentence)) ?? sentence.Context
                    : opening ? sentence.Subject
                    : null;
                if (referred is not null && !companies.Contains(referred))
                {
                    companies.Insert(0, referred);
                }
                FuzzyDate? eventDate = null;
                ProseDateMatch? eventMatch = null;
                foreach (var match in clause.Dates)
                {
                    // "in mid-June of the same year": the year the text named last.
                    var sameYear = lastYear is not null && match.Kind == ProseDateKind.Partial && SameYearRegex().IsMatch(sentence.Text[match.End..]);
                    var date = match.Kind == ProseDateKind.Anchored
                        ? anchor.Current is { } from ? AnchoredDates.Resolve(match, from, reversed) : null
                        : sameYear && reference is not null
                        ? ProseDates.Resolve(match, reference with { Year = lastYear!.Value })
                        : Resolve(match, reference, future);
                    if (match.Kind == ProseDateKind.Explicit && date is not null)
                    {
                        lastYear = date.End.Year;
                    }
                    if (date is null)
                    {
                        continue;
                    }
                    anchor.Stated(date);
                    if (FoundedBeforeRegex().IsMatch(sentence.Text[..match.Index]))
                    {
                        var founder = FoundedCompany(sentence, match.Index);
                        if (founder is not null && !foundings.Any(f => f.Company == founder))
                        {
                            foundings.Add(new CompanyFoundedFact(founder, date, source));
                            events.Add(new EventFact($"{founder.Name} founded", sentence.Text, date, EventCategory.Other, [founder], [], [source])
                            {
                                Provenance = new Provenance("event.founded", FactConfidence.High),
                            });
                        }
                        continue;
                    }
                    // A date the clause states outright beats one counted from another date.
                    var better = eventMatch?.Kind == ProseDateKind.Anchored ? match.Kind != ProseDateKind.Anchored || date.Precision < eventDate!.Precision
                        : match.Kind != ProseDateKind.Anchored && (eventDate is null || date.Precision < eventDate.Precision);
                    if (eventDate is null || better)
                    {
                        eventDate = date;
                        eventMatch = match;
                    }
                }
                if (eventDate is null || eventMatch is null)
                {
                    continue;
                }
                if (!future && reference is { IsPublished: true })
                {
                    // A past-tense statement happened by the time the article was written.
                    if (PastTense.Keep(eventDate, eventMatch, reference.To, sentence.Number, notes) is not { } past)
                    {
                        continue;
                    }
                    eventDate = past;
                }
                lastDate = eventDate;
                var category = EventClassifier.Classify(clause.Text);
                if (companies.Count == 0 && clause.Models.Count == 0 && category == EventCategory.Other)
                {
                    continue;
                }
                // An event is someone doing something: a dated clause that only describes ("X and Y are the strongest
                // challengers in 2025", "…, according to investors who follow the sector") states no happening,
                // whatever its kind of news; who says so is not the action.
                if (!future && !ActionRegex().IsMatch(Attribution.Strip(clause.Text)))
                {
                    continue;
                }
                var rule = eventMatch.Kind switch
                {
                    ProseDateKind.Explicit => new Provenance("date.explicit", FactConfidence.High),
                    ProseDateKind.Partial => new Provenance("date.partial", FactConfidence.Medium),
                    ProseDateKind.Anchored when AnchoredDates.IsApproximate(eventMatch) => new Provenance("date.anchored-approximate", FactConfidence.Low),
                    ProseDateKind.Anchored => new Provenance("date.anchored", FactConfidence.Medium),
                    _ => new Provenance("date.relative", FactConfidence.Medium),
                };
                var fact = Event(clause.Text, eventDate, companies, clause.Models, source, future, rule);
                events.Add(Titled(clause.Text, referred) is { } title ? fact with { Title = title } : fact);
                if (clause.Models.Count == 1 && ReleaseRegex().IsMatch(clause.Text))
                {
                    releases.Add(new ModelReleaseFact(clause.Models[0], eventDate, future ? AiModelStatus.Announced : AiModelStatus.Released, source));
                }
            }
        }
        return (events, releases, foundings);
    }

    private static EventFact Event(string text, FuzzyDate date, IReadOnlyList<CompanyIdentity> companies, IReadOnlyList<ModelIdentity> models, SourceQuote source, bool future, Provenance provenance)
    {
        var title = TimelineExtractor.Shorten(text);
        return new EventFact(title, source.Quote.Length > title.Length ? source.Quote : null, date, EventClassifier.Classify(text), companies, models, [source])
        {
            IsPlanned = future,
            Provenance = provenance,
        };
    }

    /// <summary>
    /// A clause's title, when it differs from the text: a title stands alone, so the clause break it was cut at goes
    /// (", and in January it signed …" → "In January it signed …"), and a pronoun subject ("it", "the company") is
    /// replaced by the company it refers to ("In January Zhipu AI signed …"). Null when neither applies.
    /// </summary>
    internal static string? Titled(string clause, CompanyIdentity? referred)
    {
        var text = LeadingBreakRegex().Replace(clause, string.Empty);
        if (referred is not null && PronounSubjectRegex().Match(text) is { Success: true } subject)
        {
            var pronoun = subject.Groups["pronoun"];
            text = text[..pronoun.Index] + referred.Name + text[(pronoun.Index + pronoun.Length)..];
        }
        if (text.Length > 0 && char.IsLower(text[0]))
        {
            text = char.ToUpperInvariant(text[0]) + text[1..];
        }
        return text == clause ? null : TimelineExtractor.Shorten(text);
    }

    /// <summary>
    /// The company a sentence opens with ("Zhipu AI released …"): what "it" means in the sentence's later clauses
    /// ("…, and in January it signed …"), before the company of the text so far.
    /// </summary>
    private static CompanyIdentity? OpeningCompany(SentenceScan sentence) =>
        sentence.CompanyMatches is [var match, ..] && match.Start >= sentence.Start
        && !sentence.Text.AsSpan(0, match.Start - sentence.Start).ContainsAnyExcept(" \t\"'\u201c")
            ? match.Value
            : null;

    private sealed record ClauseScan(string Text, IReadOnlyList<ProseDateMatch> Dates, IReadOnlyList<CompanyIdentity> Companies, IReadOnlyList<ModelIdentity> Models);

    /// <summary>
    /// A sentence that joins two dated statements ("In July it released A, and in November it followed with B")
    /// states two events: it is cut at the clause breaks between its dates, each part with the names inside it.
    /// </summary>
    private static List<ClauseScan> Clauses(SentenceScan sentence, IReadOnlyList<ProseDateMatch> dates)
    {
        var whole = new ClauseScan(sentence.Text, dates, sentence.Companies, sentence.Models);
        if (dates.Count < 2)
        {
            return [whole];
        }
        var cuts = new List<int>();
        for (var m = ClauseBreakRegex().Match(sentence.Text); m.Success; m = m.NextMatch())
        {
            var before = dates.Count(d => d.End <= m.Index);
            if (before > 0 && before < dates.Count && (cuts.Count == 0 || dates.Count(d => d.End <= cuts[^1]) < before))
            {
                cuts.Add(m.Index);
            }
        }
        if (cuts.Count == 0)
        {
            return [whole];
        }
        var result = new List<ClauseScan>();
        var start = 0;
        foreach (var end in cuts.Append(sentence.Text.Length))
        {
            var from = start;
            var to = end;
            var absoluteFrom = sentence.Start + from;
            var absoluteTo = sentence.Start + to;
            result.Add(new ClauseScan(
                sentence.Text[from..to],
                dates.Where(d => d.Index >= from && d.End <= to).ToList(),
                sentence.CompanyMatches.Where(c => c.Start >= absoluteFrom && c.Start < absoluteTo).Select(c => c.Value).Distinct().ToList(),
                sentence.ModelMatches.Where(c => c.Start >= absoluteFrom && c.Start < absoluteTo).Select(c => c.Value).Distinct().ToList()));
            start = end;
        }
        return result;
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
            foreach (var match in sentence.Dates.Where(m => m.Kind == ProseDateKind.Explicit))
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
            foreach (var match in sentence.Dates.Where(m => m.Kind != ProseDateKind.Relative))
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
        // A bare month or day in a past-tense sentence is the latest such date not after the stated publication day.
        if (date is not null && reference is { IsPublished: true } && match.Kind == ProseDateKind.Partial && !future && date.Start > reference.To)
        {
            date = new FuzzyDate(date.Label, date.Start.AddYears(-1), date.End.AddYears(-1), date.Precision);
        }
        return date;
    }

    /// <summary>"The release came four days after Baidu unveiled X": the clause before the anchored preposition
    /// only places a happening already dated, so the date counts back from it to what follows.</summary>
    private static bool IsReversed(string clause, ProseDateMatch match) =>
        AnchoredDates.IsPreposition(match)
        && ReversedRegex().IsMatch(clause[..match.Index])
        && clause[match.End..].Any(char.IsLetter);

    private static CompanyIdentity? FoundedCompany(SentenceScan sentence, int dateIndex)
    {
        var before = sentence.CompanyMatches
            .Where(c => c.Start >= sentence.Start && c.Start < sentence.Start + dateIndex)
            .LastOrDefault();
        return before?.Value ?? sentence.Subject;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    [GeneratedRegex(@"(?:;|,\s+(?:and|while|but|before|after)\s+(?=\S))")]
    private static partial Regex ClauseBreakRegex();

    [GeneratedRegex(@"^\s*(?:;\s*|,\s+(?:(?:and|while|but)\s+)?)")]
    private static partial Regex LeadingBreakRegex();

    [GeneratedRegex(@"^(?:(?:in|on|at|by|during)\s+[^,]{1,30}?(?:,\s*\d{4})?,?\s+)?(?<pronoun>it|the company|the start-up|the startup|the firm)\b(?!')", RegexOptions.IgnoreCase)]
    private static partial Regex PronounSubjectRegex();

    [GeneratedRegex(@"^\W*(?:(?:and|but|while)\s+)?(?:(?:in|on|at|by|during)\s+[^,]{1,30}?(?:,\s*\d{4})?,?\s+)?(?:it|the company|the start-up|the startup|the firm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseSubjectRegex();

    [GeneratedRegex(@"^\W*(?:(?:The|This|That|Its|Their)\s+(?:[a-z][\w-]*\s+){0,3}?|It\s+)(?:came|arrived|followed|happened|took place|landed|was (?:made|announced|released|unveiled|published))\s+(?:just\s+|only\s+|barely\s+|almost\s+|nearly\s+|about\s+)?$")]
    private static partial Regex ReversedRegex();

    [GeneratedRegex(@"^\s*(?:of|in)\s+(?:the same|that)\s+year\b", RegexOptions.IgnoreCase)]
    private static partial Regex SameYearRegex();

    [GeneratedRegex(@"\b(?:the same day|that same day|on the same day|that day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SameDayRegex();

    [GeneratedRegex(@"\b(?:founded|established|incorporated|set up|started)\s+(?:only\s+|just\s+|back\s+)?(?:in|on)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex FoundedBeforeRegex();

    [GeneratedRegex(@"\b(?:will|expected to|expects to|is set (?:for|to)|are set (?:for|to)|set for release|scheduled|slated|plans? to|planned for|upcoming|due to (?:be|launch|release))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureRegex();

    /// <summary>A verb of happening: a past tense ("opened", "-based" is not one) or a common irregular one, or a
    /// headline present ("signs", "launches").</summary>
    [GeneratedRegex(@"(?<![\w-])(?:[a-z]{2,}ed|began|begun|bought|brought|built|broke|became|came|chose|did|drew|fell|forged|found|gave|got|grew|held|hit|kept|led|left|lost|made|met|paid|put|ran|rose|said|saw|sold|sent|set|shut|sought|spent|split|spun|stood|struck|swung|took|told|threw|went|won|wrote|signs|launches|releases|unveils|opens|raises|acquires|announces|agrees|files|lists)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActionRegex();

    [GeneratedRegex(@"\b(?:release|released|launch|launched|debut|debuted|roll(?:ed)? out|unveil(?:ed)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseRegex();
}
