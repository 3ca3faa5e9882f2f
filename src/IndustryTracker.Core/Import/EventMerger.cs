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
        ArgumentNullException.ThrowIfNull(events);
        // Each merged event is built up in place (sets, not copied lists), and its words are split once: merging n
        // statements costs n comparisons with the events kept so far, each cheap when the dates do not overlap.
        var groups = new List<Group>();
        foreach (var candidate in events)
        {
            var words = Words(candidate.Summary ?? candidate.Title);
            var companies = candidate.Companies.ToHashSet();
            var group = groups.Find(g => g.Matches(candidate, companies, words));
            if (group is null)
            {
                groups.Add(new Group(candidate, words));
            }
            else
            {
                group.Add(candidate);
            }
        }
        return groups.ConvertAll(g => g.ToFact());
    }

    public static bool Same(EventFact a, EventFact b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new Group(a, Words(a.Summary ?? a.Title)).Matches(b, b.Companies.ToHashSet(), Words(b.Summary ?? b.Title));
    }

    /// <summary>The first statement of an event and what later statements of it add.</summary>
    private sealed class Group(EventFact first, HashSet<string> words)
    {
        private readonly List<CompanyIdentity> _companies = [.. first.Companies.Distinct()];
        private readonly HashSet<CompanyIdentity> _companySet = [.. first.Companies];
        private readonly List<ModelIdentity> _models = [.. first.Models.Distinct()];
        private readonly HashSet<ModelIdentity> _modelSet = [.. first.Models];
        private readonly List<SourceQuote> _sources = [.. first.Sources];
        private readonly HashSet<SourceQuote> _sourceSet = [.. first.Sources];
        private InvestmentFact? _investment = first.Investment;
        private bool _merged;
        private bool _planned = first.IsPlanned;

        public bool Matches(EventFact candidate, HashSet<CompanyIdentity> other, HashSet<string> candidateWords)
        {
            if (!Overlap(first.Date, candidate.Date))
            {
                return false;
            }
            if (!(_companySet.IsSubsetOf(other) || other.IsSubsetOf(_companySet)) || (_companySet.Count == 0) != (other.Count == 0))
            {
                return false;
            }
            return Overlap(words, candidateWords) >= MinTextOverlap;
        }

        public void Add(EventFact candidate)
        {
            _companies.AddRange(candidate.Companies.Where(_companySet.Add));
            _models.AddRange(candidate.Models.Where(_modelSet.Add));
            _sources.AddRange(candidate.Sources.Where(_sourceSet.Add));
            _investment ??= candidate.Investment;
            _planned &= candidate.IsPlanned; // stated once as done, it happened
            _merged = true;
        }

        public EventFact ToFact() => !_merged ? first : first with
        {
            Companies = _companies,
            Models = _models,
            Sources = _sources,
            Investment = _investment,
            IsPlanned = _planned,
        };
    }

    public static double TextOverlap(string a, string b) => Overlap(Words(a), Words(b));

    private static double Overlap(HashSet<string> wa, HashSet<string> wb)
    {
        if (wa.Count == 0 || wb.Count == 0)
        {
            return 0;
        }
        var (smaller, larger) = wa.Count <= wb.Count ? (wa, wb) : (wb, wa);
        var shared = 0;
        foreach (var word in smaller)
        {
            if (larger.Contains(word))
            {
                shared++;
            }
        }
        return (double)shared / smaller.Count;
    }

    private static bool Overlap(FuzzyDate a, FuzzyDate b) => a.Start <= b.End && b.Start <= a.End;

    private static HashSet<string> Words(string text) =>
        text.Split([' ', ',', '.', ';', ':', '(', ')', '"', '\u201c', '\u201d', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4)
            .Select(w => w.ToLowerInvariant().TrimEnd('s').Replace("\u2019", "'", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
}
