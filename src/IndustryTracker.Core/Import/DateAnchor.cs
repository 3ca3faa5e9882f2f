using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The date that anchored dates ("a day later", "the following week") count from: the nearest date the text stated
/// before them, in the same sentence, an earlier sentence of the same paragraph, or the paragraph just before it
/// (wire copy breaks paragraphs after a sentence or two). A profile or timeline entry anchors only within itself:
/// the next list item is about something else. Feed it the sentences in order (<see cref="Enter"/>) and every date
/// resolved in them (<see cref="Stated"/>).
/// </summary>
public sealed class DateAnchor
{
    private ParsedParagraph? _current;
    private ParsedParagraph? _previous;
    private ParsedParagraph? _anchorParagraph;
    private FuzzyDate? _anchor;

    /// <summary>The date anchored forms count from here, or null when none is in reach.</summary>
    public FuzzyDate? Current =>
        _anchor is null || _current is null ? null
        : ReferenceEquals(_anchorParagraph, _current) ? _anchor
        : ReferenceEquals(_anchorParagraph, _previous) && _current.Kind == BlockKind.Paragraph && _previous!.Kind == BlockKind.Paragraph ? _anchor
        : null;

    /// <summary>A sentence of <paramref name="paragraph"/> starts.</summary>
    public void Enter(ParsedParagraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (!ReferenceEquals(paragraph, _current))
        {
            _previous = _current;
            _current = paragraph;
        }
    }

    /// <summary>The text stated <paramref name="date"/> at the current position.</summary>
    public void Stated(FuzzyDate date)
    {
        ArgumentNullException.ThrowIfNull(date);
        _anchor = date;
        _anchorParagraph = _current;
    }
}
