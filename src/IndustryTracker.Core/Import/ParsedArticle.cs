using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.Import;

public enum BlockKind
{
    /// <summary>Running text: a "[para. N]" paragraph or a plain line of prose.</summary>
    Paragraph,

    /// <summary>A "- Name" / "- description" pair from a cover story's profile list.</summary>
    Profile,

    /// <summary>A "- &lt;date&gt;:" / "- &lt;event&gt;" pair from a cover story's timeline.</summary>
    TimelineEntry,
}

/// <summary>
/// One numbered block of an article. <see cref="Text"/> is the body that extractors read; <see cref="Lead"/> is the
/// profile name or date label in front of it, if any. The stored paragraph is "Lead: Text".
/// </summary>
public sealed record ParsedParagraph(int Number, BlockKind Kind, string Text, string? Lead = null)
{
    public string StoredText => Lead is null ? Text : $"{Lead}: {Text}";
}

/// <summary>A company profile: a short name line followed by a description line.</summary>
public sealed record ProfileEntry(string Name, string Description, int Paragraph);

/// <summary>A dated timeline entry: a date label line followed by the event line.</summary>
public sealed record TimelineEntry(FuzzyDate Date, string Text, int Paragraph);

/// <summary>What the parser recognised in an article, before any facts are extracted.</summary>
public sealed record ParsedArticle(
    string Title,
    string? Publisher,
    string? Author,
    string? Url,
    IReadOnlyList<ParsedParagraph> Paragraphs,
    IReadOnlyList<ProfileEntry> Profiles,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Title and paragraphs in document order, without boilerplate and markup, separated by blank lines.</summary>
    public string CleanText { get; init; } = string.Empty;

    /// <summary>The publication day when the text states it ("Published Feb. 20, 2025", a dateline); else null.</summary>
    public DateOnly? PublishedOn { get; init; }
}

/// <summary>A parsed article, or the reason the text is not an article.</summary>
public sealed record ParseResult(ParsedArticle? Article, string? Error);
