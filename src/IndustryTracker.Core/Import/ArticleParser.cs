using System.Text;
using System.Text.RegularExpressions;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Recognises an article's structure. The title is the first line that is not boilerplate. "[para. N]" lines keep
/// their number N; every other block (lede lines, prose lines, profile pairs, timeline pairs) is numbered after the
/// highest explicit number, in document order (so a prose article is numbered 1, 2, 3…). Bulleted "- Name" /
/// "- description" pairs are profiles, "- &lt;date&gt;:" / "- &lt;event&gt;" pairs are timeline entries. Boilerplate
/// (listen/subscribe/unlock lines, the "- DIGEST HUB" block, "- PODCAST", "- MOST POPULAR", bylines, "Find article at")
/// is dropped, some of it after reading the publisher, author and URL from it.
/// </summary>
public static partial class ArticleParser
{
    public const int MaxTitleLength = 200;

    private static readonly HashSet<string> Headings = new(StringComparer.OrdinalIgnoreCase)
    {
        "DIGEST HUB", "PODCAST", "MOST POPULAR", "RELATED", "RELATED ARTICLES", "READ MORE", "TRENDING", "ADVERTISEMENT",
    };

    private static readonly HashSet<string> NameSuffixAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "corp.", "co.", "inc.", "ltd.", "plc.",
    };

    private sealed record Block(int? ExplicitNumber, BlockKind Kind, string Text, string? Lead, FuzzyDate? Date = null);

    public static ParseResult Parse(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = TextCleaner.StripHtml(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            .Split('\n')
            .Select(TextCleaner.CleanLine)
            .ToList();

        string? title = null;
        string? publisher = null;
        string? author = null;
        string? byLineOrganisation = null;
        string? url = null;
        var blocks = new List<Block>();
        var warnings = new List<string>();
        var inDigest = false;
        var expectUrl = false;
        var skipNext = false;
        DateOnly? lastDate = null;
        DateOnly? publishedOn = null;

        for (var i = 0; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            if (skipNext)
            {
                skipNext = false;
                continue;
            }
            if (EndOfArticleRegex().IsMatch(line))
            {
                break;
            }

            var isBullet = line.StartsWith("- ", StringComparison.Ordinal) || line == "-";
            var bullet = isBullet ? line[1..].Trim() : line;

            if (inDigest)
            {
                if (isBullet)
                {
                    continue;
                }
                inDigest = false;
            }
            if (isBullet && Headings.Contains(bullet))
            {
                inDigest = bullet.Equals("DIGEST HUB", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (!isBullet && Headings.Contains(line) && line.Equals(line.ToUpperInvariant(), StringComparison.Ordinal))
            {
                continue;
            }

            if (UrlLineRegex().Match(line) is { Success: true } urlLine)
            {
                if (expectUrl || url is null && FindArticleRegex().IsMatch(line))
                {
                    url ??= urlLine.Groups["url"].Value;
                }
                expectUrl = false;
                continue;
            }
            if (FindArticleRegex().Match(line) is { Success: true } find)
            {
                if (find.Groups["url"].Success)
                {
                    url ??= find.Groups["url"].Value;
                }
                else
                {
                    expectUrl = true;
                }
                continue;
            }
            if (RelatedArticleRegex().IsMatch(line))
            {
                skipNext = true;
                continue;
            }
            if (BoilerplateRegex().IsMatch(line))
            {
                publisher ??= PublisherFrom(line);
                continue;
            }
            if (PublishedLineRegex().Match(line) is { Success: true } publishedLine)
            {
                if (FuzzyDateParser.Parse(publishedLine.Groups["date"].Value) is { Success: true, Date.Precision: DatePrecision.Day } day)
                {
                    publishedOn ??= day.Date.Start;
                    continue;
                }
            }
            if (title is not null && DatelineRegex().Match(line) is { Success: true } dateline
                && FuzzyDateParser.Parse(dateline.Groups["date"].Value) is { Success: true, Date.Precision: DatePrecision.Day } datelineDay)
            {
                publishedOn ??= datelineDay.Date.Start;
            }
            if (ByLineRegex().Match(line) is { Success: true } byLine && line.Split(' ').Length <= 15)
            {
                author ??= byLine.Groups["author"].Value.Trim();
                if (byLine.Groups["date"].Success && FuzzyDateParser.Parse(byLine.Groups["date"].Value) is { Success: true, Date.Precision: DatePrecision.Day } bylineDay)
                {
                    publishedOn ??= bylineDay.Date.Start;
                }
                if (byLine.Groups["org"].Success)
                {
                    byLineOrganisation ??= byLine.Groups["org"].Value.Trim();
                }
                continue;
            }

            if (title is null)
            {
                if (line.Length <= MaxTitleLength)
                {
                    title = isBullet ? bullet : line;
                    continue;
                }
                title = Shorten(Sentences.Split(line)[0], MaxTitleLength);
            }

            if (ParaRegex().Match(line) is { Success: true } para)
            {
                blocks.Add(new Block(int.Parse(para.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), BlockKind.Paragraph, para.Groups["text"].Value.Trim(), null));
                continue;
            }

            if (isBullet)
            {
                var next = NextBullet(lines, i);
                if (next is { } pair && bullet.EndsWith(':') && bullet.Length <= 60)
                {
                    var label = bullet[..^1].Trim();
                    var parsed = FuzzyDateParser.Parse(label, lastDate);
                    if (parsed.Success)
                    {
                        blocks.Add(new Block(null, BlockKind.TimelineEntry, pair.Text, label, parsed.Date));
                        lastDate = parsed.Date.Start;
                        i = pair.Index;
                        continue;
                    }
                    warnings.Add($"Timeline label '{label}' was not read as a date: {parsed.Error}");
                }
                // A description is a sentence, never the next entry's date label ("- Feb. 30, 2025:").
                if (next is { } profile && IsProfileName(bullet) && IsSentence(profile.Text) && !profile.Text.EndsWith(':'))
                {
                    blocks.Add(new Block(null, BlockKind.Profile, profile.Text, bullet));
                    i = profile.Index;
                    continue;
                }
                if (!bullet.EndsWith(':') && IsProfileName(bullet) && !IsSentence(bullet))
                {
                    warnings.Add($"List item '{bullet}' has no description after it; it was not read as a profile.");
                    continue;
                }
                if (IsSentence(bullet))
                {
                    blocks.Add(new Block(null, BlockKind.Paragraph, bullet, null));
                }
                continue;
            }

            // A line that starts lower-case after one that did not end a sentence is the same paragraph, broken by a layout.
            if (blocks.Count > 0 && blocks[^1] is { ExplicitNumber: null, Kind: BlockKind.Paragraph } previous
                && char.IsLower(line[0]) && !EndsSentence(previous.Text))
            {
                blocks[^1] = previous with { Text = previous.Text + " " + line };
                continue;
            }
            blocks.Add(new Block(null, BlockKind.Paragraph, line, null));
        }

        if (title is null)
        {
            return new ParseResult(null, "The file has no title: no line of text outside boilerplate.");
        }
        if (blocks.Count == 0)
        {
            return new ParseResult(null, $"The article '{Shorten(title, 60)}' has no text besides its title.");
        }

        var (bioAuthors, bioPublisher) = FromAuthorBios(blocks);
        var paragraphs = Number(blocks, warnings);
        var profiles = new List<ProfileEntry>();
        var timeline = new List<TimelineEntry>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var paragraph = paragraphs[b];
            switch (blocks[b].Kind)
            {
                case BlockKind.Profile:
                    profiles.Add(new ProfileEntry(blocks[b].Lead!, blocks[b].Text, paragraph.Number));
                    break;
                case BlockKind.TimelineEntry:
                    timeline.Add(new TimelineEntry(blocks[b].Date!, blocks[b].Text, paragraph.Number));
                    break;
            }
        }

        var clean = new StringBuilder(title);
        foreach (var paragraph in paragraphs)
        {
            clean.Append("\n\n").Append(paragraph.StoredText);
        }

        return new ParseResult(
            new ParsedArticle(
                title,
                publisher ?? PublicationFromUrl(url, byLineOrganisation) ?? byLineOrganisation ?? bioPublisher,
                author ?? bioAuthors,
                url,
                paragraphs,
                profiles,
                timeline,
                warnings)
            {
                CleanText = clean.ToString(),
                PublishedOn = publishedOn,
            },
            null);
    }

    /// <summary>A profile name line: short, starting with a capital or digit, without sentence punctuation.</summary>
    internal static bool IsProfileName(string text)
    {
        if (text.Length is 0 or > 60 || !(char.IsUpper(text[0]) || char.IsDigit(text[0])))
        {
            return false;
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || text.IndexOfAny([',', ';', ':', '!', '?', '"', '(', ')', '\u201c', '\u201d']) >= 0)
        {
            return false;
        }
        if (text.EndsWith('.') && !NameSuffixAbbreviations.Contains(words[^1]))
        {
            return false;
        }
        // An all-capitals multi-word line is a section heading, not a name.
        return !(words.Length > 1 && text.Any(char.IsLetter) && text.Where(char.IsLetter).All(char.IsUpper));
    }

    /// <summary>Text that reads as a sentence: several words, or ending with sentence punctuation.</summary>
    internal static bool IsSentence(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 6 || (text.Length > 0 && EndsSentence(text) && text.Contains(' ', StringComparison.Ordinal));

    private static bool EndsSentence(string text) =>
        text.Length > 0 && text.TrimEnd('"', '\u201d', '\u2019', '\'', ')')[^1] is '.' or '!' or '?' or ':' or ';';

    private static (int Index, string Text)? NextBullet(List<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (lines[j].Length == 0)
            {
                continue;
            }
            return lines[j].StartsWith("- ", StringComparison.Ordinal) ? (j, lines[j][2..].Trim()) : null;
        }
        return null;
    }

    private static List<ParsedParagraph> Number(List<Block> blocks, List<string> warnings)
    {
        var used = new HashSet<int>();
        var next = blocks.Where(b => b.ExplicitNumber is > 0).Select(b => b.ExplicitNumber!.Value).DefaultIfEmpty(0).Max() + 1;
        var numbers = new int[blocks.Count];
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].ExplicitNumber is > 0 and var n && used.Add(n))
            {
                numbers[b] = n;
            }
            else if (blocks[b].ExplicitNumber is { } duplicate)
            {
                warnings.Add($"Paragraph number {duplicate} appears more than once or is not positive; it was renumbered.");
                numbers[b] = -1;
            }
        }
        for (var b = 0; b < blocks.Count; b++)
        {
            if (numbers[b] <= 0)
            {
                numbers[b] = next++;
            }
        }
        return blocks.Select((b, index) => new ParsedParagraph(numbers[index], b.Kind, b.Text, b.Lead)).ToList();
    }

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
    private static (string? Authors, string? Publisher) FromAuthorBios(List<Block> blocks)
    {
        var authors = new List<string>();
        string? publisher = null;
        foreach (var block in blocks.Where(b => b.Kind == BlockKind.Paragraph && b.ExplicitNumber is null).TakeLast(5))
        {
            if (BioRegex().Match(block.Text) is not { Success: true } bio)
            {
                continue;
            }
            authors.Add(bio.Groups["name"].Value);
            var pub = bio.Groups["pub"].Success ? bio.Groups["pub"].Value : JoiningRegex().Match(block.Text) is { Success: true } j ? j.Groups["pub"].Value : null;
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

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }

    [GeneratedRegex(@"^\[\s*para\.?\s*(?<n>\d{1,4})\s*\]\s*(?<text>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ParaRegex();

    [GeneratedRegex(
        @"^(?:listen to (?:the|this) (?:full )?(?:version|article|story|podcast)\b|subscribe\b|unlock\b|sign up\b|log ?in to\b|" +
        @"discover top\b.*\bnews\b|read by executives\b|loading the\b.*\bplayer\b|advertisement$|share this article$|download (?:the|our) app\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateRegex();

    [GeneratedRegex(@"^about the (?:author|authors|author\(s\)|series)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfArticleRegex();

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

    [GeneratedRegex(@"^related (?:article|story|stories|articles)$", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedArticleRegex();

    [GeneratedRegex(@"^[Bb]y\s+(?<author>[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|de|van|von))*)\s*(?:,\s*(?<org>[^,]+?))?\s*(?:,\s*(?<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}))?\s*$")]
    private static partial Regex ByLineRegex();

    [GeneratedRegex(@"\bwith an? (?<p>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*) (?:group |team |corporate )?subscription\b")]
    private static partial Regex SubscriptionPublisherRegex();

    [GeneratedRegex(@"^[Ss]ubscribe to (?:both )?(?<p>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*)['\u2019]s? newsletter\b")]
    private static partial Regex NewsletterPublisherRegex();

    [GeneratedRegex(@"^[Ss]ubscribe to (?:both )?(?<p>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*)(?: and | for |\s*[\u2014-])")]
    private static partial Regex SubscribeToPublisherRegex();
}
