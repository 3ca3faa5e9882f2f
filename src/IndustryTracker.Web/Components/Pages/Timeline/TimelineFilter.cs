using System.Globalization;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Shared;

namespace IndustryTracker.Web.Components.Pages.Timeline;

/// <summary>
/// The timeline's filters as the URL carries them: company=a&amp;company=b&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD
/// &amp;category=c&amp;model=m&amp;q=words. One place builds every timeline address (filter bar, chips, facets, pager).
/// </summary>
public sealed record TimelineFilter
{
    public static TimelineFilter Empty { get; } = new();

    public IReadOnlyList<string> Companies { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? Model { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Q { get; init; }

    public bool IsEmpty => Companies.Count == 0 && Categories.Count == 0 && Model is null && From is null && To is null && Q is null;

    /// <summary>The filters as (name, value) pairs, in a stable order.</summary>
    public List<(string Name, string? Value)> Pairs()
    {
        var pairs = new List<(string, string?)>();
        pairs.AddRange(Companies.Select(c => ("company", (string?)c)));
        pairs.Add(("from", From));
        pairs.Add(("to", To));
        pairs.AddRange(Categories.Select(c => ("category", (string?)c)));
        pairs.Add(("model", Model));
        pairs.Add(("q", Q));
        return pairs;
    }

    /// <summary>"?company=…&amp;from=…", or "" when no filter is set.</summary>
    public string Query() => UrlQuery.Build(Pairs());

    /// <summary>The timeline address of these filters, at a page (1 is left out) and page size (the default is left out).</summary>
    public string Href(int page = 1, int pageSize = EventQuery.DefaultPageSize)
    {
        var pairs = Pairs();
        pairs.Add(("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));
        pairs.Add(("pageSize", pageSize != EventQuery.DefaultPageSize ? pageSize.ToString(CultureInfo.InvariantCulture) : null));
        return "timeline" + UrlQuery.Build(pairs);
    }

    public TimelineFilter ToggleCompany(string slug) =>
        this with { Companies = Companies.Contains(slug) ? [.. Companies.Where(c => c != slug)] : [.. Companies, slug] };

    public TimelineFilter ToggleCategory(string category) =>
        this with { Categories = Categories.Contains(category) ? [.. Categories.Where(c => c != category)] : [.. Categories, category] };

    public bool IsRange(MonthFacet range) => From == range.From && To == range.To;

    /// <summary>Selects the month or year; selecting the selected one again clears the dates.</summary>
    public TimelineFilter ToggleRange(MonthFacet range) =>
        IsRange(range) ? this with { From = null, To = null } : this with { From = range.From, To = range.To };
}
