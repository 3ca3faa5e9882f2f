using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Merges events that state the same thing: their date ranges overlap, they involve the same companies (one set
/// contains the other, or both are empty) and their texts share most content words (overlap coefficient of words of
/// four letters or more ≥ <see cref="MinTextOverlap"/>). The first event (timeline before prose) keeps its title and
/// date; the merged event gets the union of companies, models and sources.
/// </summary>
public static class EventMerger
{
    public const double MinTextOverlap = 0.5;

    public static List<EventFact> Merge(IEnumerable<EventFact> events)
    {
        var result = new List<EventFact>();
        foreach (var candidate in events)
        {
            var index = result.FindIndex(e => Same(e, candidate));
            if (index < 0)
            {
                result.Add(candidate);
                continue;
            }
            var kept = result[index];
            result[index] = kept with
            {
                Companies = kept.Companies.Union(candidate.Companies).ToList(),
                Models = kept.Models.Union(candidate.Models).ToList(),
                Sources = kept.Sources.Concat(candidate.Sources.Where(s => !kept.Sources.Contains(s))).ToList(),
                Investment = kept.Investment ?? candidate.Investment,
            };
        }
        return result;
    }

    public static bool Same(EventFact a, EventFact b)
    {
        if (!Overlap(a.Date, b.Date))
        {
            return false;
        }
        var ca = a.Companies.ToHashSet();
        var cb = b.Companies.ToHashSet();
        if (!(ca.IsSubsetOf(cb) || cb.IsSubsetOf(ca)) || (ca.Count == 0) != (cb.Count == 0))
        {
            return false;
        }
        return TextOverlap(a.Summary ?? a.Title, b.Summary ?? b.Title) >= MinTextOverlap;
    }

    public static double TextOverlap(string a, string b)
    {
        var wa = Words(a);
        var wb = Words(b);
        if (wa.Count == 0 || wb.Count == 0)
        {
            return 0;
        }
        return (double)wa.Intersect(wb).Count() / Math.Min(wa.Count, wb.Count);
    }

    private static bool Overlap(FuzzyDate a, FuzzyDate b) => a.Start <= b.End && b.Start <= a.End;

    private static HashSet<string> Words(string text) =>
        text.Split([' ', ',', '.', ';', ':', '(', ')', '"', '\u201c', '\u201d', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4)
            .Select(w => w.ToLowerInvariant().TrimEnd('s').Replace("\u2019", "'", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
}
