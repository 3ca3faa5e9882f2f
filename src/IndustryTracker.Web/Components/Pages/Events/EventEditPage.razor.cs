using System.Globalization;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Editing;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Web.Components.Shared;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace IndustryTracker.Web.Components.Pages.Events;

/// <summary>
/// Adds an event (/events/new) or edits one (/events/{id}/edit). The date is parsed live as the editor types; the
/// server (<see cref="EventEditor"/>) validates again and its messages are shown next to the fields. The page keeps the
/// version it loaded: when someone else saved in between, a conflict panel shows yours against theirs per field and
/// the editor chooses to overwrite or reload. Nothing is ever overwritten silently.
/// </summary>
public sealed partial class EventEditPage
{
    private static readonly IReadOnlyList<FacetCount> Categories =
        [.. Enum.GetValues<EventCategory>().Select(c => new FacetCount(EnumNames.Of(c), Display.Words(EnumNames.Of(c)), 0))];

    private static readonly IReadOnlyList<FacetCount> CompanyCategories =
        [.. Enum.GetValues<CompanyCategory>().Select(c => new FacetCount(EnumNames.Of(c), Display.Words(EnumNames.Of(c)), 0))];

    private string? _title;
    private string? _summary;
    private string? _category;
    private string? _date;
    private IEnumerable<string> _companies = [];
    private IEnumerable<string> _models = [];
    private string? _sourceUrl;
    private int? _sourceArticleId;
    private int? _sourceParagraph;
    private string? _sourceQuote;
    private IReadOnlyList<SourceDto> _existingSources = [];
    private int _version;
    private string? _updatedBy;

    private List<PickerOption> _companyOptions = [];
    private IReadOnlyList<PickerOption> _modelOptions = [];
    private IReadOnlyList<ArticleChoice> _articleOptions = [];
    private string? _newCompanyName;
    private string? _newCompanyCategory = EnumNames.Of(CompanyCategory.Other);
    private IReadOnlyList<string> _companyErrors = [];

    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private EventDetailDto? _theirs;
    private bool _notFound;
    private bool _busy;
    private bool _confirmingDelete;

    [Parameter] public int? Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject] private EventEditor Editor { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private bool IsNew => Id is null;

    private FuzzyDateParseResult Parsed => FuzzyDateParser.Parse(_date);

    protected override async Task OnParametersSetAsync()
    {
        _companyOptions = [.. await Editor.CompanyOptionsAsync()];
        _modelOptions = await Editor.ModelOptionsAsync();
        _articleOptions = [.. (await Editor.ArticleOptionsAsync()).Select(a => new ArticleChoice(a.Id, $"{a.Title} ({a.File}, {a.Paragraphs} paragraphs)"))];
        if (Id is { } id)
        {
            var loaded = await Editor.GetAsync(id);
            _notFound = loaded is null;
            if (loaded is not null)
            {
                Fill(loaded);
            }
        }
    }

    private void Fill(EventDetailDto e)
    {
        _title = e.Title;
        _summary = e.Summary;
        _category = e.Category;
        _date = e.Date.Label;
        _companies = e.CompanySlugs;
        _models = e.ModelSlugs;
        _sourceUrl = e.SourceUrl;
        _existingSources = e.Sources;
        _version = e.Version;
        _updatedBy = e.UpdatedBy;
    }

    private EventInput Input() => new()
    {
        Title = _title,
        Summary = _summary,
        Category = _category,
        Date = _date,
        Companies = [.. _companies],
        Models = [.. _models],
        SourceUrl = _sourceUrl,
        SourceArticleId = _sourceArticleId,
        SourceParagraph = _sourceParagraph,
        SourceQuote = _sourceQuote,
    };

    private async Task<string> ActorAsync() => (await AuthenticationState).User.ActorName();

    private Task SaveAsync() => SaveAsync(_version);

    private async Task SaveAsync(int version)
    {
        _busy = true;
        try
        {
            var actor = await ActorAsync();
            var result = Id is { } id
                ? await Editor.UpdateAsync(id, version, Input(), actor)
                : await Editor.CreateAsync(Input(), actor);
            Handle(result, saved =>
            {
                var from = saved.Date.Start;
                var to = saved.Date.End;
                var company = saved.CompanySlugs.Count > 0 ? saved.CompanySlugs[0] : null;
                Navigation.NavigateTo(string.Create(CultureInfo.InvariantCulture,
                    $"timeline?company={Uri.EscapeDataString(company ?? string.Empty)}&from={from}&to={to}#event-{saved.Id}"));
            });
        }
        finally
        {
            _busy = false;
        }
    }

    private void Handle(EventEditResult result, Action<EventDetailDto> onSaved)
    {
        switch (result.Outcome)
        {
            case EditOutcome.Saved:
                _errors = new Dictionary<string, string[]>();
                _theirs = null;
                onSaved(result.Event!);
                break;
            case EditOutcome.Invalid:
                _errors = result.Errors;
                break;
            case EditOutcome.Conflict:
                _errors = new Dictionary<string, string[]>();
                _theirs = result.Current;
                break;
            default:
                _notFound = true;
                break;
        }
    }

    /// <summary>Saves the editor's values over the version saved meanwhile: a deliberate overwrite.</summary>
    private Task KeepMineAsync() => _theirs is { } theirs ? SaveAsync(theirs.Version) : Task.CompletedTask;

    private void TakeTheirs()
    {
        if (_theirs is { } theirs)
        {
            Fill(theirs);
            _theirs = null;
        }
    }

    private async Task DeleteAsync()
    {
        if (Id is not { } id)
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Editor.DeleteAsync(id, _version, await ActorAsync());
            _confirmingDelete = false;
            Handle(result, _ => Navigation.NavigateTo("events/deleted"));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CreateCompanyAsync()
    {
        _busy = true;
        try
        {
            var (company, errors) = await Editor.CreateCompanyAsync(_newCompanyName, _newCompanyCategory, await ActorAsync());
            _companyErrors = [.. errors.Values.SelectMany(v => v)];
            if (company is not null)
            {
                _companyOptions = [.. _companyOptions.Append(company).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];
                _companies = [.. _companies.Append(company.Slug).Distinct(StringComparer.Ordinal)];
                _newCompanyName = null;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private IReadOnlyList<string> ErrorsFor(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    private string? Invalid(string field) => _errors.ContainsKey(field) ? "true" : null;

    private IEnumerable<(string Field, string Mine, string Theirs)> ConflictRows()
    {
        var theirs = _theirs!;
        string Names(IEnumerable<string> slugs, IEnumerable<PickerOption> options) =>
            string.Join(", ", slugs.Select(s => options.FirstOrDefault(o => o.Slug == s)?.Name ?? s).Order(StringComparer.OrdinalIgnoreCase));
        yield return ("Title", _title ?? string.Empty, theirs.Title);
        yield return ("Summary", _summary ?? string.Empty, theirs.Summary ?? string.Empty);
        yield return ("Category", Display.Words(_category), Display.Words(theirs.Category));
        yield return ("Date", _date ?? string.Empty, theirs.Date.Label);
        yield return ("Companies", Names(_companies, _companyOptions), Names(theirs.CompanySlugs, _companyOptions));
        yield return ("Models", Names(_models, _modelOptions), Names(theirs.ModelSlugs, _modelOptions));
        yield return ("Source URL", _sourceUrl ?? string.Empty, theirs.SourceUrl ?? string.Empty);
    }

    private sealed record ArticleChoice(int? Id, string Label);
}
