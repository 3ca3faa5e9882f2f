using System.Text.RegularExpressions;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The metadata pass: reads each line the sections kept before the block reader sees it, and takes the lines that
/// are about the article rather than its text — the title (the first such line; a line over
/// <see cref="ArticleParser.MaxTitleLength"/> characters gives its first sentence and stays text), the URL ("Find
/// article at" and the link after it), boilerplate that names the publisher ("with a Caixin group subscription"),
/// "Published …" lines, datelines ("BEIJING, Feb. 20, 2025 —", kept as text) and bylines ("By Jane Roe, Org, March 6,
/// 2026"). After the walk, <see cref="Publisher"/> falls back to the organisation of the byline's URL, the byline's
/// organisation, then the publication of staff bios (<see cref="FromAuthorBios"/>).
/// </summary>
public sealed partial class ArticleMetadataReader
{
    private bool _expectUrl;
    private string? _boilerplatePublisher;
    private string? _byLineOrganisation;
    private string? _author;

    public string? Title { get; private set; }

    public string? Url { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>Reads a kept line; true when it was metadata and is not part of the text.</summary>
    public bool Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (UrlLineRegex().Match(line) is { Success: true } urlLine)
        {
            if (_expectUrl || Url is null && FindArticleRegex().IsMatch(line))
            {
                Url ??= urlLine.Groups["url"].Value;
            }
            _expectUrl = false;
            return true;
        }
        if (FindArticleRegex().Match(line) is { Success: true } find)
        {
            if (find.Groups["url"].Success)
            {
                Url ??= find.Groups["url"].Value;
            }
            else
            {
                _expectUrl = true;
            }
            return true;
        }
        if (BoilerplateRegex().IsMatch(line))
        {
            _boilerplatePublisher ??= PublisherFrom(line);
            return true;
        }
        if (PublishedLineRegex().Match(line) is { Success: true } publishedLine
            && FuzzyDateParser.Parse(publishedLine.Groups["date"].Value) is { Success: true, Date.Precision: DatePrecision.Day } day)
        {
            PublishedOn ??= day.Date.Start;
            return true;
        }
        if (Title is not null && DatelineRegex().Match(line) is { Success: true } dateline
            && FuzzyDateParser.Parse(dateline.Groups["date"].Value) is { Success: true, Date.Precision: DatePrecision.Day } datelineDay)
        {
            PublishedOn ??= datelineDay.Date.Start;
        }
        if (ByLineRegex().Match(line) is { Success: true } byLine && line.Split(' ').Length <= 15)
        {
            _author ??= byLine.Groups["author"].Value.Trim();
            if (byLine.Groups["date"].Success && FuzzyDateParser.Parse(byLine.Groups["date"].Value) is { Success: true, Date.Precision: DatePrecision.Day } bylineDay)
            {
                PublishedOn ??= bylineDay.Date.Start;
            }
            if (byLine.Groups["org"].Success)
            {
                _byLineOrganisation ??= byLine.Groups["org"].Value.Trim();
            }
            return true;
        }
        if (Title is null)
        {
            var isBullet = ArticleBlockReader.IsBullet(line);
            if (line.Length <= ArticleParser.MaxTitleLength)
            {
                Title = isBullet ? line[1..].Trim() : line;
                return true;
            }
            Title = Shorten(Sentences.Split(line)[0], ArticleParser.MaxTitleLength);
        }
        return false;
    }

    /// <summary>The publisher: boilerplate's, else the URL's publication of the byline's organisation, else that
    /// organisation, else the staff bios' publication.</summary>
    public string? Publisher(string? bioPublisher) =>
        _boilerplatePublisher ?? PublicationFromUrl(Url, _byLineOrganisation) ?? _byLineOrganisation ?? bioPublisher;

    /// <summary>The byline's author, else the staff bios' authors.</summary>
    public string? Author(string? bioAuthors) => _author ?? bioAuthors;

    /// <summary>
    /// An organisation's publication named by its URL: "INSEAD" with https://knowledge.insead.edu/… is
    /// "INSEAD Knowledge" (the host's first label is a publication word: knowledge, news, blog, magazine, review, insights).
    /// </summary>
    internal static string? PublicationFromUrl(string? url, string? organisation)
    {
        if (url is null || organisation is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var labels = uri.Host.Split('.');
        if (labels.Length < 3 || !PublicationWords.Contains(labels[0]))
        {
            return null;
        }
        var orgKey = new string(organisation.Where(char.IsLetterOrDigit).ToArray());
        if (!labels.Skip(1).Any(l => string.Equals(l, orgKey, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return $"{organisation} {char.ToUpperInvariant(labels[0][0])}{labels[0][1..]}";
    }

    /// <summary>Words that mark a publication ("news", "review"), from seeds/reference/publishers.json.</summary>
    private static IReadOnlySet<string> PublicationWords => ReferenceData.Default.Publishers.PublicationWords;

    /// <summary>Media groups written in front of a publication's name in staff bios ("Informa TechTarget").</summary>
    private static IReadOnlyList<string> MediaGroups => ReferenceData.Default.Publishers.MediaGroups;

    /// <summary>
    /// Staff bios at the end of an article ("Jane Roe is a senior news writer …", "… is an Informa TechTarget news
    /// writer …", "Prior to joining X, …"): the people are the authors and the publication is the publisher (without a
    /// media group's name in front). Read from the last five plain paragraphs only.
    /// </summary>
    internal static (string? Authors, string? Publisher) FromAuthorBios(IEnumerable<string> plainParagraphs)
    {
        var authors = new List<string>();
        string? publisher = null;
        foreach (var text in plainParagraphs.TakeLast(5))
        {
            if (BioRegex().Match(text) is not { Success: true } bio)
            {
                continue;
            }
            authors.Add(bio.Groups["name"].Value);
            var pub = bio.Groups["pub"].Success ? bio.Groups["pub"].Value : JoiningRegex().Match(text) is { Success: true } j ? j.Groups["pub"].Value : null;
            if (pub is not null && publisher is null)
            {
                foreach (var group in MediaGroups)
                {
                    if (pub.StartsWith(group + " ", StringComparison.Ordinal))
                    {
                        pub = pub[(group.Length + 1)..];
                    }
                }
                publisher = pub;
            }
        }
        return (authors.Count == 0 ? null : string.Join(" and ", authors.Distinct()), publisher);
    }

    /// <summary><paramref name="text"/> cut at a word to at most <paramref name="max"/> characters, with "…".</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }

    private static string? PublisherFrom(string line)
    {
        foreach (var regex in new[] { SubscriptionPublisherRegex(), NewsletterPublisherRegex(), SubscribeToPublisherRegex() })
        {
            if (regex.Match(line) is { Success: true } m)
            {
                return m.Groups["p"].Value.Trim();
            }
        }
        return null;
    }

    [GeneratedRegex(
        @"^(?:listen to (?:the|this) (?:full )?(?:version|article|story|podcast)\b|subscribe\b|unlock\b|sign up\b|log ?in to\b|" +
        @"discover top\b.*\bnews\b|read by executives\b|loading the\b.*\bplayer\b|advertisement$|share this article$|download (?:the|our) app\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateRegex();

    [GeneratedRegex(@"^find (?:the )?article at:?\s*(?:<?(?<url>https?://\S+?)>?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FindArticleRegex();

    [GeneratedRegex(@"^<?(?<url>https?://[^\s<>]+)>?$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlLineRegex();

    [GeneratedRegex(@"^(?:published|posted|updated|first published)(?:\s+on)?\s*:?\s+(?<date>[A-Za-z0-9 ,.-]{6,40}?)(?:\s+(?:at\s+)?\d{1,2}:\d{2}.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedLineRegex();

    [GeneratedRegex(@"^[A-Z][A-Z .'-]{2,30},\s*(?<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014]")]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"^(?<name>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2}) is an? (?:(?:senior|staff|chief|associate|contributing|freelance|technology|tech) )*(?:(?<pub>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}) )?(?:news writer|writer|reporter|editor|correspondent|journalist|columnist)\b")]
    private static partial Regex BioRegex();

    [GeneratedRegex(@"\b[Pp]rior to joining (?<pub>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})")]
    private static partial Regex JoiningRegex();

    [GeneratedRegex(@"^[Bb]y\s+(?<author>[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|de|van|von))*)\s*(?:,\s*(?<org>[^,]+?))?\s*(?:,\s*(?<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}))?\s*$")]
    private static partial Regex ByLineRegex();

    [GeneratedRegex(@"\bwith an? (?<p>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*) (?:group |team |corporate )?subscription\b")]
    private static partial Regex SubscriptionPublisherRegex();

    [GeneratedRegex(@"^[Ss]ubscribe to (?:both )?(?<p>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*)['\u2019]s? newsletter\b")]
    private static partial Regex NewsletterPublisherRegex();

    [GeneratedRegex(@"^[Ss]ubscribe to (?:both )?(?<p>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*)(?: and | for |\s*[\u2014-])")]
    private static partial Regex SubscribeToPublisherRegex();
}
