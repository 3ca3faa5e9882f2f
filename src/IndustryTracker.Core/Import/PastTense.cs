using System.Globalization;
using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.Import;

/// <summary>
/// A past-tense statement in an article with a stated publication day happened by that day. An event whose date
/// starts after it is left out with a note for the import report (the text, or our reading of it, is wrong); a
/// range the importer computed ("weeks later", "within a week") that runs past it ends on it. A range the text states
/// outright ("this month", "in 2026") is kept as written.
/// </summary>
public static class PastTense
{
    /// <summary>The date to record for a past-tense event, or null (and a note) when it lies after
    /// <paramref name="published"/>.</summary>
    public static FuzzyDate? Keep(FuzzyDate date, ProseDateMatch match, DateOnly published, int paragraph, ICollection<string>? notes)
    {
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(match);
        if (date.Start > published)
        {
            notes?.Add(string.Create(CultureInfo.InvariantCulture,
                $"Paragraph {paragraph}: \"{match.Text}\" resolves to {date.Start:yyyy-MM-dd}, after the article's date {published:yyyy-MM-dd}, in a sentence about the past; no event was recorded for it."));
            return null;
        }
        if (date.End > published && match.Kind == ProseDateKind.Anchored)
        {
            return new FuzzyDate(date.Label, date.Start, published, DatePrecision.Approximate);
        }
        return date;
    }
}
