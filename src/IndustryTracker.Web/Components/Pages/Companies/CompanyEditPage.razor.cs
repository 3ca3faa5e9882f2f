using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Web.Components.Shared;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Editing;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace IndustryTracker.Web.Components.Pages.Companies;

/// <summary>
/// Edits a company against the version it was loaded at. A save that finds a newer version shows the conflict panel:
/// each field that differs, yours and theirs, who saved theirs and when; the editor picks per field, then saves
/// against the newer version. Nothing is overwritten silently.
/// </summary>
public sealed partial class CompanyEditPage
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private bool _loaded;
    private bool _saving;
    private CompanyEditState? _base;
    private CompanyEditState? _theirs;
    private CompanyForm _form = new();
    private IReadOnlyList<PickerOption> _parent = [];
    private IReadOnlyDictionary<string, string[]> _errors = NoErrors;
    private List<FieldConflict> _conflicts = [];

    [Parameter] public string Slug { get; set; } = string.Empty;
    [Inject] private CompanyEditor Editor { get; set; } = null!;
    [Inject] private PickerSearch Picker { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _base = await Editor.LoadAsync(Slug);
        _loaded = true;
        if (_base is not null)
        {
            _form = CompanyForm.From(_base.Company);
            await LoadParentAsync();
        }
    }

    private string FoundedFeedback
    {
        get
        {
            if (string.IsNullOrWhiteSpace(_form.Founded))
            {
                return "Not known.";
            }
            var parsed = FuzzyDateParser.Parse(_form.Founded);
            return parsed.Date is { } date
                ? $"Read as {Display.Iso(date.Start)} – {Display.Iso(date.End)} ({EnumNames.Display(date.Precision).ToLowerInvariant()})."
                : parsed.Error ?? "Not a date.";
        }
    }

    private async Task SaveAsync()
    {
        if (_base is null || _conflicts.Count > 0)
        {
            return;
        }
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _saving = true;
        try
        {
            var result = await Editor.SaveAsync(Slug, _form.ToEdit(), _base.Version, user?.ActorName() ?? "anonymous");
            switch (result.Status)
            {
                case CompanySaveStatus.Saved:
                    Snackbar.Add($"Saved {result.Current?.Company.Name ?? _form.Name}.", Severity.Success);
                    Navigation.NavigateTo($"companies/{Slug}");
                    break;
                case CompanySaveStatus.Invalid:
                    _errors = result.Errors;
                    Snackbar.Add("Nothing was saved: " + string.Join(" ", result.Errors.Values.SelectMany(v => v)), Severity.Error);
                    break;
                case CompanySaveStatus.Conflict:
                    _errors = NoErrors;
                    _theirs = result.Current!;
                    _conflicts = FieldConflict.Between(CompanyForm.From(_base.Company), _form, CompanyForm.From(_theirs.Company));
                    _base = _theirs;
                    await LoadParentAsync();
                    Snackbar.Add(_conflicts.Count == 0
                        ? "Someone else saved the same values; save again to keep yours on top."
                        : "Someone else saved this company while you were editing; choose per field below.", Severity.Warning);
                    break;
                default:
                    Snackbar.Add("The company no longer exists.", Severity.Error);
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void KeepMine(FieldConflict conflict) => _conflicts.Remove(conflict);

    private async Task TakeTheirs(FieldConflict conflict)
    {
        conflict.TakeTheirs(_form, CompanyForm.From(_theirs!.Company));
        _conflicts.Remove(conflict);
        await LoadParentAsync();
    }

    private void KeepAllMine() => _conflicts.Clear();

    private async Task TakeAllTheirs()
    {
        foreach (var conflict in _conflicts.ToList())
        {
            await TakeTheirs(conflict);
        }
    }

    /// <summary>The parent picker shows the form's parent by name.</summary>
    private async Task LoadParentAsync() =>
        _parent = _form.Parent is { } parent ? await Picker.CompaniesBySlugAsync([parent]) : [];

    private void ParentChanged(IReadOnlyList<PickerOption> chosen)
    {
        _parent = chosen;
        _form.Parent = chosen.Count > 0 ? chosen[0].Slug : null;
    }

    private Task<IReadOnlyList<PickerOption>> SearchParents(string? text, CancellationToken cancellationToken) =>
        Picker.CompaniesAsync(text, PickerSearch.DefaultTake, cancellationToken);

    private IReadOnlyList<string> ErrorsFor(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    private bool Invalid(string field) => _errors.ContainsKey(field);

    private string? ErrorText(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public sealed class AliasRow
    {
        public string Name { get; set; } = string.Empty;
        public string Kind { get; set; } = "alias";
    }

    /// <summary>The form's values; strings as typed.</summary>
    public sealed class CompanyForm
    {
        public string? Name { get; set; }
        public string? Category { get; set; }
        public string? Country { get; set; }
        public string? HeadquartersCity { get; set; }
        public string? Founded { get; set; }
        public string? Parent { get; set; }
        public string? Summary { get; set; }
        public List<AliasRow> Aliases { get; set; } = [];

        public static CompanyForm From(CompanyEdit edit) => new()
        {
            Name = edit.Name,
            Category = edit.Category,
            Country = edit.Country,
            HeadquartersCity = edit.HeadquartersCity,
            Founded = edit.Founded,
            Parent = edit.Parent,
            Summary = edit.Summary,
            Aliases = [.. (edit.Aliases ?? []).Select(a => new AliasRow { Name = a.Name, Kind = a.Kind })],
        };

        public CompanyEdit ToEdit() => new(
            Name, Category, Country, HeadquartersCity, Founded, Parent, Summary,
            [.. Aliases.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Select(a => new CompanyAliasInput(a.Name, a.Kind))]);

        public string AliasText => string.Join(", ", Aliases.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Select(a => $"{a.Name.Trim()} ({a.Kind})"));
    }

    /// <summary>One field whose value differs between the editor's form and the version someone else saved.</summary>
    public sealed record FieldConflict(string Field, string Label, string Mine, string Theirs)
    {
        private static readonly (string Field, string Label, Func<CompanyForm, string> Get, Action<CompanyForm, CompanyForm> Take)[] Fields =
        [
            ("name", "Name", f => f.Name?.Trim() ?? string.Empty, (mine, theirs) => mine.Name = theirs.Name),
            ("category", "Category", f => f.Category ?? string.Empty, (mine, theirs) => mine.Category = theirs.Category),
            ("country", "Country", f => f.Country?.Trim() ?? string.Empty, (mine, theirs) => mine.Country = theirs.Country),
            ("headquartersCity", "Headquarters city", f => f.HeadquartersCity?.Trim() ?? string.Empty, (mine, theirs) => mine.HeadquartersCity = theirs.HeadquartersCity),
            ("founded", "Founded", f => f.Founded?.Trim() ?? string.Empty, (mine, theirs) => mine.Founded = theirs.Founded),
            ("parent", "Parent", f => f.Parent ?? string.Empty, (mine, theirs) => mine.Parent = theirs.Parent),
            ("summary", "Summary", f => f.Summary?.Trim() ?? string.Empty, (mine, theirs) => mine.Summary = theirs.Summary),
            ("aliases", "Aliases", f => f.AliasText, (mine, theirs) => mine.Aliases = [.. theirs.Aliases.Select(a => new AliasRow { Name = a.Name, Kind = a.Kind })]),
        ];

        /// <summary>
        /// The fields both sides changed differently. A field only they changed takes their value at once (the
        /// editor's form still held the old one); a field only the editor changed keeps the editor's value.
        /// </summary>
        public static List<FieldConflict> Between(CompanyForm original, CompanyForm mine, CompanyForm theirs)
        {
            var conflicts = new List<FieldConflict>();
            foreach (var (field, label, get, take) in Fields)
            {
                if (get(mine) == get(theirs) || get(theirs) == get(original))
                {
                    continue;
                }
                if (get(mine) == get(original))
                {
                    take(mine, theirs);
                    continue;
                }
                conflicts.Add(new FieldConflict(field, label, Show(get(mine)), Show(get(theirs))));
            }
            return conflicts;
        }

        public void TakeTheirs(CompanyForm mine, CompanyForm theirs) => Fields.Single(f => f.Field == Field).Take(mine, theirs);

        private static string Show(string value) => value.Length == 0 ? "(empty)" : value;
    }
}
