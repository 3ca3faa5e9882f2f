using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Editing;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IndustryTracker.Web.Components.Pages.Investments;

/// <summary>
/// Investments in a server-paged grid sorted on the server by date, kind, recipient or US dollar amount, filtered by company, kind and announcement dates,
/// with US dollar totals by company or month. The URL is the state.
/// </summary>
public sealed partial class InvestmentList : IDisposable
{
    private static readonly string[] Sortable = [nameof(InvestmentDto.Date), nameof(InvestmentDto.Kind), nameof(InvestmentDto.Recipient), nameof(InvestmentDto.AmountUsd)];
    private static readonly IReadOnlyList<FacetCount> Kinds = [.. Enum.GetValues<InvestmentKind>().Select(k => new FacetCount(EnumNames.Of(k), Display.Words(EnumNames.Of(k)), 0))];

    private UrlGrid<InvestmentDto> _list = null!;
    private PrerenderedData<IReadOnlyList<InvestmentTotal>> _totalsData = null!;
    private IReadOnlyList<InvestmentTotal> _totals = [];
    private PickerOption? _companyOption;
    private DateRange? _range;
    private string? _company;
    private string? _kind;
    private string? _from;
    private string? _to;
    private string? _error;
    private bool _byMonth;

    [Inject] private InvestmentQueries Investments { get; set; } = null!;
    [Inject] private PickerSearch Picker { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private PersistentComponentState State { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "company")] public string? Company { get; set; }
    /// <summary>"month" groups the totals chart by the month announced; anything else by company.</summary>
    [SupplyParameterFromQuery(Name = "totals")] public string? TotalsBy { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string? Kind { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "history")] public int? HistoryId { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? Dir { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }
    [SupplyParameterFromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    protected override void OnInitialized()
    {
        _list = new(State, nameof(InvestmentList), Navigation, (state, ct) => Investments.ListAsync(Query() with
        {
            Sort = state.Sort switch
            {
                nameof(InvestmentDto.Kind) => InvestmentSort.Kind,
                nameof(InvestmentDto.Recipient) => InvestmentSort.Recipient,
                nameof(InvestmentDto.AmountUsd) => InvestmentSort.AmountUsd,
                _ => InvestmentSort.Date,
            },
            Descending = state.Descending,
            Page = state.Page,
            PageSize = state.PageSize,
        }, ct), Href, StateHasChanged);
        _totalsData = new(State, nameof(InvestmentList) + ".totals");
    }

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        var company = string.IsNullOrWhiteSpace(Company) ? null : Company.Trim().ToLowerInvariant();
        var kind = EnumNames.TryParse<InvestmentKind>(Kind, out var k) ? EnumNames.Of(k) : null;
        var (from, to) = (Date(From), Date(To));
        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0)
        {
            _error = $"from ({from}) must not be after to ({to}).";
            (from, to) = (null, null);
        }
        var filtersChanged = (company, kind, from, to) != (_company, _kind, _from, _to);
        if ((from, to) != (_from, _to) || _range is null != (from is null && to is null))
        {
            _range = from is null && to is null ? null : new DateRange(Day(from), Day(to));
        }
        (_company, _kind, _from, _to) = (company, kind, from, to);
        _byMonth = string.Equals(TotalsBy, "month", StringComparison.OrdinalIgnoreCase);
        if (_companyOption?.Slug != _company)
        {
            // Only the chosen company's name; the picker searches the others on the server.
            _companyOption = _company is null ? null : await Picker.CompaniesBySlugAsync([_company]) is [var found, ..] ? found : new PickerOption(_company, _company);
        }
        await _list.ShowAsync(GridUrlState.FromQuery(Sort, Dir, Page, PageSize, Sortable), filtersChanged, RendererInfo.IsInteractive);
        _totals = await _totalsData.LoadAsync(Navigation.Uri, LoadTotalsAsync);
    }

    private async Task<IReadOnlyList<InvestmentTotal>> LoadTotalsAsync()
    {
        var totals = _byMonth ? await Investments.TotalsByMonthAsync(Query()) : await Investments.TotalsByCompanyAsync(Query());
        return [.. totals.Select(t => new InvestmentTotal(t.Label, t.Usd))];
    }

    private async Task ReloadAsync()
    {
        if (_list.Grid is not null)
        {
            await _list.Grid.ReloadServerData();
        }
        _totals = await LoadTotalsAsync();
    }

    private InvestmentQuery Query() => new()
    {
        Companies = _company is null ? [] : [_company],
        Kinds = EnumNames.TryParse<InvestmentKind>(_kind, out var kind) ? [kind] : [],
        From = _from is null ? null : Display.Day(_from),
        To = _to is null ? null : Display.Day(_to),
    };

    private string? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return text;
        }
        _error = $"“{text}” is not a date (YYYY-MM-DD); it is ignored.";
        return null;
    }

    private static DateTime? Day(string? iso) => iso is null ? null : Display.Day(iso).ToDateTime(TimeOnly.MinValue);

    private static string? Iso(DateTime? date) => date is { } d ? Display.Iso(DateOnly.FromDateTime(d)) : null;

    private static string FxText(InvestmentDto i) =>
        i.UsdIsReported
            ? "US dollar amount as reported by the source"
            : string.Create(CultureInfo.InvariantCulture, $"Converted at {i.FxRate:0.##########} USD per {i.Currency}{(i.FxRateDate is null ? "" : $" on {i.FxRateDate}")}{(i.FxRateSource is null ? "" : $" ({i.FxRateSource})")}");

    private IReadOnlyList<(string Name, string? Value)> FilterPairs() => [("company", _company), ("kind", _kind), ("from", _from), ("to", _to)];

    private string FilterQuery() => UrlQuery.Build(FilterPairs());

    private string Href(GridUrlState state) =>
        "investments" + UrlQuery.Build([.. FilterPairs(), ("totals", _byMonth ? "month" : null), .. state.Pairs()]);

    private Task<IReadOnlyList<PickerOption>> SearchCompaniesAsync(string? text, CancellationToken cancellationToken) =>
        Picker.CompaniesAsync(text, PickerSearch.DefaultTake, cancellationToken);

    private void OnCompanyChanged(IReadOnlyList<PickerOption> chosen) => Go(chosen.Count == 0 ? null : chosen[0].Slug, _kind, _from, _to);

    /// <summary>Changed filters start again at page 1, keeping the sort, page size and totals grouping.</summary>
    private void Go(string? company, string? kind, string? from, string? to) =>
        Navigation.NavigateTo("investments" + UrlQuery.Build(
            [("company", company), ("kind", kind), ("from", from), ("to", to), ("totals", _byMonth ? "month" : null), .. (_list.State with { Page = 1 }).Pairs()]));

    public void Dispose()
    {
        _list.Dispose();
        _totalsData.Dispose();
    }
}
