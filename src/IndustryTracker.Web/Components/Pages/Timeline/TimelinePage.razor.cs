using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using Microsoft.AspNetCore.Components;

namespace IndustryTracker.Web.Components.Pages.Timeline;

/// <summary>
/// Events filtered by companies and a date window. The URL is the state: every control change navigates to a new
/// query string (company=a&amp;company=b&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD&amp;page=N) and the page loads from it.
/// </summary>
public sealed partial class TimelinePage
{
    private IReadOnlyList<CompanyLink> _companies = [];
    private IEnumerable<string> _selected = [];
    private string? _fromText;
    private string? _toText;
    private PagedResult<EventDto>? _result;
    private List<string> _errors = [];
    private List<string> _unknownCompanies = [];

    [Inject] private EventQueries Events { get; set; } = null!;
    [Inject] private CompanyQueries Companies { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "company")] public string[]? Company { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }

    private int LastPage => _result is null ? 1 : Math.Max(1, (_result.Total + _result.PageSize - 1) / _result.PageSize);

    protected override async Task OnInitializedAsync() => _companies = await Companies.NamesAsync();

    protected override async Task OnParametersSetAsync()
    {
        _errors = [];
        _selected = [.. (Company ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct()];
        _fromText = From;
        _toText = To;
        var query = new EventQuery
        {
            Companies = [.. _selected],
            From = ParseDate("From", From),
            To = ParseDate("To", To),
            Page = Math.Max(1, Page ?? 1),
            PageSize = EventQuery.DefaultPageSize,
        };
        var problems = query.Validate();
        if (problems.Count > 0)
        {
            _errors.AddRange(problems);
            query = query with { From = null, To = null };
        }
        _unknownCompanies = [.. _selected.Where(s => !_companies.Any(c => c.Slug == s))];
        _result = await Events.ListAsync(query);
    }

    private DateOnly? ParseDate(string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        _errors.Add($"{label} date “{text}” is not a date (YYYY-MM-DD); it is ignored.");
        return null;
    }

    private void OnCompaniesChangedAsync(object? value)
    {
        _selected = value is IEnumerable<string> slugs ? [.. slugs] : [];
        NavigateToFilters(page: null);
    }

    private void OnFromChanged(ChangeEventArgs e)
    {
        _fromText = e.Value as string;
        NavigateToFilters(page: null);
    }

    private void OnToChanged(ChangeEventArgs e)
    {
        _toText = e.Value as string;
        NavigateToFilters(page: null);
    }

    private void Clear()
    {
        _selected = [];
        _fromText = null;
        _toText = null;
        NavigateToFilters(page: null);
    }

    private void NavigateToFilters(int? page) => Navigation.NavigateTo(FilterUri(page), replace: false);

    private string PageHref(int page) => FilterUri(page);

    private string FilterUri(int? page) => Navigation.GetUriWithQueryParameters(Navigation.BaseUri + "timeline", new Dictionary<string, object?>
    {
        ["company"] = _selected.Any() ? _selected.ToArray() : null,
        ["from"] = string.IsNullOrWhiteSpace(_fromText) ? null : _fromText,
        ["to"] = string.IsNullOrWhiteSpace(_toText) ? null : _toText,
        ["page"] = page is > 1 ? page : null,
    });
}
