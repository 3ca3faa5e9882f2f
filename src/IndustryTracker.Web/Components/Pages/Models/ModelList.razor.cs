using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace IndustryTracker.Web.Components.Pages.Models;

/// <summary>Every AI model in a server-paged, server-sorted grid (any column), filtered by developer, kind and status; the URL is the state.</summary>
public sealed partial class ModelList : IDisposable
{
    private static readonly string[] Sortable =
        [nameof(ModelDto.Name), nameof(ModelDto.Developer), nameof(ModelDto.Kind), nameof(ModelDto.Status), nameof(ModelDto.Accessibility), nameof(ModelDto.Released)];
    private static readonly IReadOnlyList<FacetCount> Kinds = [.. Enum.GetValues<AiModelKind>().Select(k => new FacetCount(EnumNames.Of(k), Display.Words(EnumNames.Of(k)), 0))];
    private static readonly IReadOnlyList<FacetCount> Statuses = [.. Enum.GetValues<AiModelStatus>().Select(k => new FacetCount(EnumNames.Of(k), Display.Words(EnumNames.Of(k)), 0))];

    private UrlGrid<ModelDto> _list = null!;
    private IReadOnlyList<CompanyLink> _developers = [];
    private string? _developer;
    private string? _kind;
    private string? _status;
    private string? _error;

    [Inject] private ModelQueries Models { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private PersistentComponentState State { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "developer")] public string? Developer { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string? Kind { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? Dir { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }
    [SupplyParameterFromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _list = new(State, nameof(ModelList), Navigation, (state, ct) => Models.ListAsync(Query(state), ct), Href, StateHasChanged);
        _developers = await Models.DevelopersAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        var developer = string.IsNullOrWhiteSpace(Developer) ? null : Developer.Trim().ToLowerInvariant();
        var kind = EnumNames.TryParse<AiModelKind>(Kind, out var k) ? EnumNames.Of(k) : null;
        var status = EnumNames.TryParse<AiModelStatus>(Status, out var s) ? EnumNames.Of(s) : null;
        if ((!string.IsNullOrWhiteSpace(Kind) && kind is null) || (!string.IsNullOrWhiteSpace(Status) && status is null))
        {
            _error = "An unknown kind or status is ignored.";
        }
        var filtersChanged = (developer, kind, status) != (_developer, _kind, _status);
        (_developer, _kind, _status) = (developer, kind, status);
        await _list.ShowAsync(GridUrlState.FromQuery(Sort, Dir, Page, PageSize, Sortable), filtersChanged, RendererInfo.IsInteractive);
    }

    private ModelQuery Query(GridUrlState state) => new()
    {
        Developers = _developer is null ? [] : [_developer],
        Kinds = EnumNames.TryParse<AiModelKind>(_kind, out var kind) ? [kind] : [],
        Statuses = EnumNames.TryParse<AiModelStatus>(_status, out var status) ? [status] : [],
        Sort = state.Sort switch
        {
            nameof(ModelDto.Developer) => ModelSort.Developer,
            nameof(ModelDto.Kind) => ModelSort.Kind,
            nameof(ModelDto.Status) => ModelSort.Status,
            nameof(ModelDto.Accessibility) => ModelSort.Accessibility,
            nameof(ModelDto.Released) => ModelSort.Released,
            _ => ModelSort.Name,
        },
        Descending = state.Descending,
        Page = state.Page,
        PageSize = state.PageSize,
    };

    private string FilterQuery() => UrlQuery.Build([("developer", _developer), ("kind", _kind), ("status", _status)]);

    private string Href(GridUrlState state) =>
        "models" + UrlQuery.Build([("developer", _developer), ("kind", _kind), ("status", _status), .. state.Pairs()]);

    /// <summary>A changed filter ("" clears it) starts again at page 1.</summary>
    private void Go(string? developer = null, string? kind = null, string? status = null)
    {
        static string? Pick(string? changed, string? current) => changed is null ? current : changed.Length == 0 ? null : changed;
        Navigation.NavigateTo("models" + UrlQuery.Build(
            [("developer", Pick(developer, _developer)), ("kind", Pick(kind, _kind)), ("status", Pick(status, _status)), .. (_list.State with { Page = 1 }).Pairs()]));
    }

    public void Dispose() => _list.Dispose();
}
