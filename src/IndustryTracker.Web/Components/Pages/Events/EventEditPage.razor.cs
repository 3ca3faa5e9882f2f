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
using MudBlazor;

namespace IndustryTracker.Web.Components.Pages.Events;

/// <summary>
/// Adds an event (/events/new) or edits one (/events/{id}/edit). The date is parsed live as the editor types; the
/// server (<see cref="EventEditor"/>) validates again and its messages are shown under the fields. The page keeps the
/// version it loaded: when someone else saved in between, a conflict panel shows yours against theirs per field and
/// the editor chooses to overwrite or reload. Nothing is ever overwritten silently.
/// </summary>
public sealed partial class EventEditPage
{
    private static readonly IReadOnlyList<FacetCount> Categories =
        [.. Enum.GetValues<EventCategory>().Select(c => new FacetCount(EnumNames.Of(c), Display.Words(EnumNames.Of(c)), 0))];

    private string? _title;
    private string? _summary;
    private string? _category;
    private string? _date;
    private IReadOnlyList<PickerOption> _companies = [];
    private IReadOnlyList<PickerOption> _models = [];
    private string? _sourceUrl;
    private ArticleOption? _sourceArticle;
    private int? _sourceParagraph;
    private string? _sourceQuote;
    private IReadOnlyList<SourceDto> _existingSources = [];
    private int _version;
    private string? _updatedBy;

    private IReadOnlyList<ArticleOption> _articleOptions = [];
    private IReadOnlyList<string> _companyErrors = [];

    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private EventDetailDto? _theirs;
    private (IReadOnlyList<PickerOption> Companies, IReadOnlyList<PickerOption> Models) _theirNames = ([], []);
    private bool _loaded;
    private bool _notFound;
    private bool _busy;

    [Parameter] public int? Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject] private EventEditor Editor { get; set; } = null!;
    [Inject] private PickerSearch Picker { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private bool IsNew => Id is null;

    private FuzzyDateParseResult Parsed => FuzzyDateParser.Parse(_date);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _articleOptions = await Editor.ArticleOptionsAsync();
        if (Id is { } id)
        {
            var loaded = await Editor.GetAsync(id);
            _notFound = loaded is null;
            if (loaded is not null)
            {
                await FillAsync(loaded);
            }
        }
        _loaded = true;
    }

    private async Task FillAsync(EventDetailDto e)
    {
        _title = e.Title;
        _summary = e.Summary;
        _category = e.Category;
        _date = e.Date.Label;
        _companies = await Picker.CompaniesBySlugAsync(e.CompanySlugs);
        _models = await Picker.ModelsBySlugAsync(e.ModelSlugs);
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
        Companies = [.. _companies.Select(c => c.Slug)],
        Models = [.. _models.Select(m => m.Slug)],
        SourceUrl = _sourceUrl,
        SourceArticleId = _sourceArticle?.Id,
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
            await HandleAsync(result, saved =>
            {
                Snackbar.Add(IsNew ? $"Added “{saved.Title}”." : $"Saved “{saved.Title}”.", Severity.Success);
                var company = saved.CompanySlugs.Count > 0 ? saved.CompanySlugs[0] : null;
                Navigation.NavigateTo(string.Create(CultureInfo.InvariantCulture,
                    $"timeline?company={Uri.EscapeDataString(company ?? string.Empty)}&from={saved.Date.Start}&to={saved.Date.End}#event-{saved.Id}"));
            });
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task HandleAsync(EventEditResult result, Action<EventDetailDto> onSaved)
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
                Snackbar.Add("Nothing was saved: please correct the fields marked.", Severity.Error);
                break;
            case EditOutcome.Conflict:
                _errors = new Dictionary<string, string[]>();
                _theirs = result.Current;
                _theirNames = (await Picker.CompaniesBySlugAsync(_theirs!.CompanySlugs), await Picker.ModelsBySlugAsync(_theirs.ModelSlugs));
                Snackbar.Add("Someone else saved this event first; nothing of yours was saved yet.", Severity.Warning);
                break;
            default:
                _notFound = true;
                break;
        }
    }

    /// <summary>Saves the editor's values over the version saved meanwhile: a deliberate overwrite.</summary>
    private Task KeepMineAsync() => _theirs is { } theirs ? SaveAsync(theirs.Version) : Task.CompletedTask;

    private async Task TakeTheirsAsync()
    {
        if (_theirs is { } theirs)
        {
            await FillAsync(theirs);
            _theirs = null;
        }
    }

    private async Task ConfirmDeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Delete this event?",
            Message = $"“{_title}” disappears from every page. Editors can restore it from Deleted events.",
            YesText = "Delete",
            CancelText = "Keep it",
        });
        if (confirmed == true)
        {
            await DeleteAsync();
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
            await HandleAsync(result, deleted =>
            {
                Snackbar.Add($"Deleted “{deleted.Title}”.", Severity.Success);
                Navigation.NavigateTo("events/deleted");
            });
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<bool> CreateCompanyAsync(string? name, string? category)
    {
        _busy = true;
        try
        {
            var (company, errors) = await Editor.CreateCompanyAsync(name, category, await ActorAsync());
            _companyErrors = [.. errors.Values.SelectMany(v => v)];
            if (company is null)
            {
                return false;
            }
            _companies = [.. _companies.Where(c => c.Slug != company.Slug), company];
            Snackbar.Add($"Created {company.Name}; it is chosen for this event.", Severity.Success);
            return true;
        }
        finally
        {
            _busy = false;
            // Called by the new-company form through a plain delegate (it needs the result), not an EventCallback:
            // this page must render the chosen companies and messages itself.
            StateHasChanged();
        }
    }

    private Task<IReadOnlyList<PickerOption>> SearchCompanies(string? text, CancellationToken cancellationToken) =>
        Picker.CompaniesAsync(text, PickerSearch.DefaultTake, cancellationToken);

    private Task<IReadOnlyList<PickerOption>> SearchModels(string? text, CancellationToken cancellationToken) =>
        Picker.ModelsAsync(text, PickerSearch.DefaultTake, cancellationToken);

    private Task<IEnumerable<ArticleOption>> SearchArticlesAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? _articleOptions.AsEnumerable()
            : _articleOptions.Where(a => ArticleLabel(a).Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static string ArticleLabel(ArticleOption article) =>
        string.Create(CultureInfo.InvariantCulture, $"{article.Title} ({article.File}, {article.Paragraphs} paragraphs)");

    private IReadOnlyList<string> ErrorsFor(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    private bool Invalid(string field) => _errors.ContainsKey(field);

    private string? ErrorText(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private List<EventConflictPanel.ConflictRow> ConflictRows()
    {
        var theirs = _theirs!;
        static string Names(IEnumerable<PickerOption> options) => string.Join(", ", options.Select(o => o.Name).Order(StringComparer.OrdinalIgnoreCase));
        return
        [
            new("Title", _title ?? string.Empty, theirs.Title),
            new("Summary", _summary ?? string.Empty, theirs.Summary ?? string.Empty),
            new("Category", Display.Words(_category), Display.Words(theirs.Category)),
            new("Date", _date ?? string.Empty, theirs.Date.Label),
            new("Companies", Names(_companies), Names(_theirNames.Companies)),
            new("Models", Names(_models), Names(_theirNames.Models)),
            new("Source URL", _sourceUrl ?? string.Empty, theirs.SourceUrl ?? string.Empty),
        ];
    }
}
