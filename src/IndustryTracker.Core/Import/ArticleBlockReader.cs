using System.Text.RegularExpressions;
using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The block pass: the lines neither the sections nor the metadata took are the article's text. "[para. N]" lines
/// keep their number N; bulleted "- Name" / "- description" pairs are profiles and "- &lt;date&gt;:" / "- &lt;event&gt;"
/// pairs timeline entries; a bulleted sentence is a paragraph; a line that starts lower-case after one that did not
/// end a sentence joins it (a layout break). <see cref="Finish"/> numbers every block without an explicit number after
/// the highest explicit one, in document order, and splits out the profiles and the timeline.
/// </summary>
public sealed partial class ArticleBlockReader
{
    private static readonly HashSet<string> NameSuffixAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "corp.", "co.", "inc.", "ltd.", "plc.",
    };

    private sealed record Block(int? ExplicitNumber, BlockKind Kind, string Text, string? Lead, FuzzyDate? Date = null);

    private readonly List<Block> _blocks = [];
    private DateOnly? _lastDate;

    /// <summary>What the parser could not read as written, one line each.</summary>
    public List<string> Warnings { get; } = [];

    public int Count => _blocks.Count;

    /// <summary>The texts of the plain paragraphs without an explicit number (where staff bios are).</summary>
    public IEnumerable<string> PlainTexts => _blocks.Where(b => b.Kind == BlockKind.Paragraph && b.ExplicitNumber is null).Select(b => b.Text);

    /// <summary>"- text" or a lone "-".</summary>
    public static bool IsBullet(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.StartsWith("- ", StringComparison.Ordinal) || line == "-";
    }

    /// <summary>Reads the text line at <paramref name="i"/>; returns the index of the last line it used (a profile or
    /// timeline pair uses the next bullet too).</summary>
    public int Read(IReadOnlyList<string> lines, int i)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var line = lines[i];
        if (ParaRegex().Match(line) is { Success: true } para)
        {
            _blocks.Add(new Block(int.Parse(para.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), BlockKind.Paragraph, para.Groups["text"].Value.Trim(), null));
            return i;
        }
        if (IsBullet(line))
        {
            return ReadBullet(lines, i, line[1..].Trim());
        }
        // A line that starts lower-case after one that did not end a sentence is the same paragraph, broken by a layout.
        if (_blocks.Count > 0 && _blocks[^1] is { ExplicitNumber: null, Kind: BlockKind.Paragraph } previous
            && char.IsLower(line[0]) && !EndsSentence(previous.Text))
        {
            _blocks[^1] = previous with { Text = previous.Text + " " + line };
            return i;
        }
        _blocks.Add(new Block(null, BlockKind.Paragraph, line, null));
        return i;
    }

    private int ReadBullet(IReadOnlyList<string> lines, int i, string bullet)
    {
        var next = NextBullet(lines, i);
        if (next is { } pair && bullet.EndsWith(':') && bullet.Length <= 60)
        {
            var label = bullet[..^1].Trim();
            var parsed = FuzzyDateParser.Parse(label, _lastDate);
            if (parsed.Success)
            {
                _blocks.Add(new Block(null, BlockKind.TimelineEntry, pair.Text, label, parsed.Date));
                _lastDate = parsed.Date.Start;
                return pair.Index;
            }
            Warnings.Add($"Timeline label '{label}' was not read as a date: {parsed.Error}");
        }
        // A description is a sentence, never the next entry's date label ("- Feb. 30, 2025:").
        if (next is { } profile && IsProfileName(bullet) && IsSentence(profile.Text) && !profile.Text.EndsWith(':'))
        {
            _blocks.Add(new Block(null, BlockKind.Profile, profile.Text, bullet));
            return profile.Index;
        }
        if (!bullet.EndsWith(':') && IsProfileName(bullet) && !IsSentence(bullet))
        {
            Warnings.Add($"List item '{bullet}' has no description after it; it was not read as a profile.");
            return i;
        }
        if (IsSentence(bullet))
        {
            _blocks.Add(new Block(null, BlockKind.Paragraph, bullet, null));
        }
        return i;
    }

    /// <summary>The numbered paragraphs, profiles and timeline entries, in document order.</summary>
    public (List<ParsedParagraph> Paragraphs, List<ProfileEntry> Profiles, List<TimelineEntry> Timeline) Finish()
    {
        var paragraphs = Number();
        var profiles = new List<ProfileEntry>();
        var timeline = new List<TimelineEntry>();
        for (var b = 0; b < _blocks.Count; b++)
        {
            var paragraph = paragraphs[b];
            switch (_blocks[b].Kind)
            {
                case BlockKind.Profile:
                    profiles.Add(new ProfileEntry(_blocks[b].Lead!, _blocks[b].Text, paragraph.Number));
                    break;
                case BlockKind.TimelineEntry:
                    timeline.Add(new TimelineEntry(_blocks[b].Date!, _blocks[b].Text, paragraph.Number));
                    break;
            }
        }
        return (paragraphs, profiles, timeline);
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

    private static (int Index, string Text)? NextBullet(IReadOnlyList<string> lines, int i)
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

    private List<ParsedParagraph> Number()
    {
        var used = new HashSet<int>();
        var next = _blocks.Where(b => b.ExplicitNumber is > 0).Select(b => b.ExplicitNumber!.Value).DefaultIfEmpty(0).Max() + 1;
        var numbers = new int[_blocks.Count];
        for (var b = 0; b < _blocks.Count; b++)
        {
            if (_blocks[b].ExplicitNumber is > 0 and var n && used.Add(n))
            {
                numbers[b] = n;
            }
            else if (_blocks[b].ExplicitNumber is { } duplicate)
            {
                Warnings.Add($"Paragraph number {duplicate} appears more than once or is not positive; it was renumbered.");
                numbers[b] = -1;
            }
        }
        for (var b = 0; b < _blocks.Count; b++)
        {
            if (numbers[b] <= 0)
            {
                numbers[b] = next++;
            }
        }
        return _blocks.Select((b, index) => new ParsedParagraph(numbers[index], b.Kind, b.Text, b.Lead)).ToList();
    }

    [GeneratedRegex(@"^\[\s*para\.?\s*(?<n>\d{1,4})\s*\]\s*(?<text>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ParaRegex();
}
