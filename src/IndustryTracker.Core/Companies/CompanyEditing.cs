using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.Companies;

/// <summary>An alias as an editor enters it; <see cref="Kind"/> is alias, abbreviation or former.</summary>
public sealed record CompanyAliasInput(string Name, string Kind);

/// <summary>
/// The editable fields of a company, as an editor (or a script) writes them: category in kebab-case, founded as a
/// fuzzy date in words ("May 2023"), parent as a slug (null or empty for none).
/// </summary>
public sealed record CompanyEdit(
    string? Name,
    string? Category,
    string? Country,
    string? HeadquartersCity,
    string? Founded,
    string? Parent,
    string? Summary,
    IReadOnlyList<CompanyAliasInput>? Aliases);

/// <summary>A company's editable fields as stored, with the version an edit must name and who saved it last.</summary>
public sealed record CompanyEditState(string Slug, int Version, string? UpdatedBy, DateTimeOffset UpdatedAt, CompanyEdit Company);

public enum CompanySaveStatus
{
    Saved,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>
/// What a save did: <see cref="CompanySaveStatus.Saved"/> with the new state; <see cref="CompanySaveStatus.Conflict"/>
/// with the current state when the edit was based on an older version; <see cref="CompanySaveStatus.Invalid"/> with
/// one message per problem, keyed by field (camelCase).
/// </summary>
public sealed record CompanySaveResult(CompanySaveStatus Status, CompanyEditState? Current, IReadOnlyDictionary<string, string[]> Errors)
{
    public static CompanySaveResult NotFound { get; } = new(CompanySaveStatus.NotFound, null, new Dictionary<string, string[]>());
}

/// <summary>
/// Loads and saves a company's editable fields with optimistic concurrency on <see cref="Company.Version"/>. Slugs
/// are immutable: a rename keeps the slug, so every link stays valid. Nothing is written unless every field is valid.
/// </summary>
public sealed class CompanyEditor(IDbContextFactory<IndustryTrackerDbContext> contextFactory, ILogger<CompanyEditor> logger)
{
    public const int MaxName = 200;
    public const int MaxPlace = 100;
    public const int MaxSummary = 8000;
    public const int MaxAliases = 50;

    public async Task<CompanyEditState?> LoadAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.AsNoTracking().Include(c => c.Parent).FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        return company is null ? null : StateOf(company);
    }

    /// <summary>Applies <paramref name="edit"/> if the company is still at <paramref name="expectedVersion"/>; stamps <paramref name="actor"/>.</summary>
    public async Task<CompanySaveResult> SaveAsync(string slug, CompanyEdit edit, int expectedVersion, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var company = await db.Companies.Include(c => c.Parent).FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (company is null)
        {
            return CompanySaveResult.NotFound;
        }
        if (company.Version != expectedVersion)
        {
            return new(CompanySaveStatus.Conflict, StateOf(company), new Dictionary<string, string[]>());
        }

        var (valid, errors) = await ValidateAsync(db, company, edit, cancellationToken);
        if (valid is null)
        {
            return new(CompanySaveStatus.Invalid, null, errors);
        }

        if (company.Name != valid.Name)
        {
            company.RenameKeepingSlug(valid.Name);
        }
        company.Category = valid.Category;
        company.Country = valid.Country;
        company.HeadquartersCity = valid.City;
        if (company.Founded != valid.Founded)
        {
            company.Founded = valid.Founded;
        }
        company.Summary = valid.Summary;
        if (!ReferenceEquals(company.Parent, valid.Parent))
        {
            company.SetParent(valid.Parent);
        }
        company.ReplaceAliases(valid.Aliases);

        db.ChangeTracker.DetectChanges();
        var entry = db.Entry(company);
        if (entry.State == EntityState.Unchanged && !db.ChangeTracker.Entries<CompanyAlias>().Any(e => e.State != EntityState.Unchanged))
        {
            return new(CompanySaveStatus.Saved, StateOf(company), errors);
        }
        // Alias-only edits still change the company: its version moves so other editors see the conflict.
        entry.Property(c => c.UpdatedAt).IsModified = true;
        entry.Property(c => c.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Company {Slug} changed while {Actor} saved version {Version}", slug, actor, expectedVersion);
            var current = await LoadAsync(slug, cancellationToken);
            return current is null ? CompanySaveResult.NotFound : new(CompanySaveStatus.Conflict, current, errors);
        }
        logger.LogInformation("Company {Slug} saved by {Actor} as version {Version}", slug, actor, company.Version);
        return new(CompanySaveStatus.Saved, StateOf(company), errors);
    }

    public static CompanyEditState StateOf(Company company) => new(
        company.Slug,
        company.Version,
        company.UpdatedBy,
        company.UpdatedAt,
        new CompanyEdit(
            company.Name,
            EnumNames.Of(company.Category),
            company.Country,
            company.HeadquartersCity,
            company.Founded?.Label,
            company.Parent?.Slug,
            company.Summary,
            [.. company.Aliases.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new CompanyAliasInput(a.Name, EnumNames.Of(a.Kind)))]));

    private sealed record ValidEdit(
        string Name,
        CompanyCategory Category,
        string? Country,
        string? City,
        FuzzyDate? Founded,
        Company? Parent,
        string? Summary,
        IReadOnlyList<(string Name, AliasKind Kind)> Aliases);

    private static async Task<(ValidEdit? Edit, Dictionary<string, string[]> Errors)> ValidateAsync(
        IndustryTrackerDbContext db, Company company, CompanyEdit edit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }

        foreach (var (field, what, text, multiline) in new[]
        {
            ("name", "The name", edit.Name, false),
            ("category", "The category", edit.Category, false),
            ("country", "The country", edit.Country, false),
            ("headquartersCity", "The city", edit.HeadquartersCity, false),
            ("founded", "The founding date", edit.Founded, false),
            ("parent", "The parent", edit.Parent, false),
            ("summary", "The summary", edit.Summary, true),
        })
        {
            if (UnsafeText.Problem(text, multiline, what) is { } problem)
            {
                Add(field, problem);
            }
        }
        if (edit.Aliases is { Count: > MaxAliases })
        {
            Add("aliases", $"There are {edit.Aliases.Count} aliases; at most {MaxAliases} are allowed.");
        }
        else if ((edit.Aliases ?? []).SelectMany(a => new[] { UnsafeText.Problem(a.Name, multiline: false, "An alias"), UnsafeText.Problem(a.Kind, multiline: false, "An alias kind") })
            .FirstOrDefault(p => p is not null) is { } aliasProblem)
        {
            Add("aliases", aliasProblem);
        }
        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var name = edit.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            Add("name", "The name is required.");
        }
        else if (name.Length > MaxName)
        {
            Add("name", $"The name is longer than {MaxName} characters.");
        }
        else if (Slugs.From(name).Length == 0)
        {
            Add("name", "The name needs at least one letter or digit.");
        }
        else
        {
            var key = CompanyNames.Key(name);
            var clash = await db.Companies.AsNoTracking().IgnoreAutoIncludes()
                .Where(c => c.Id != company.Id && (c.NameKey == key || db.CompanyAliases.Any(a => a.CompanyId == c.Id && a.NameKey == key)))
                .Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
            if (clash is not null)
            {
                Add("name", $"'{name}' already names another company, {clash}; merge the two instead.");
            }
        }

        var category = CompanyCategory.Other;
        if (string.IsNullOrWhiteSpace(edit.Category) || !EnumNames.TryParse(edit.Category, out category))
        {
            Add("category", $"Choose a category: {string.Join(", ", Enum.GetValues<CompanyCategory>().Select(EnumNames.Of))}.");
        }

        var country = Optional(edit.Country);
        if (country?.Length > MaxPlace)
        {
            Add("country", $"The country is longer than {MaxPlace} characters.");
        }
        var city = Optional(edit.HeadquartersCity);
        if (city?.Length > MaxPlace)
        {
            Add("headquartersCity", $"The city is longer than {MaxPlace} characters.");
        }
        var summary = Optional(edit.Summary);
        if (summary?.Length > MaxSummary)
        {
            Add("summary", $"The summary is longer than {MaxSummary} characters.");
        }

        FuzzyDate? founded = null;
        if (Optional(edit.Founded) is { } foundedText)
        {
            var parsed = FuzzyDateParser.Parse(foundedText);
            if (parsed.Date is null)
            {
                Add("founded", parsed.Error ?? $"'{foundedText}' is not a date.");
            }
            founded = parsed.Date;
            if (company.Founded is { } current && founded is not null && current.Label == founded.Label)
            {
                founded = current;
            }
        }

        Company? parent = null;
        if (Optional(edit.Parent) is { } parentSlug)
        {
            parent = await db.Companies.FirstOrDefaultAsync(c => c.Slug == parentSlug, cancellationToken);
            if (parent is null)
            {
                Add("parent", $"No company has the slug '{parentSlug}'.");
            }
            else if (parent.Id == company.Id)
            {
                Add("parent", "A company cannot be its own parent.");
            }
            else
            {
                var parents = await db.Companies.AsNoTracking().IgnoreAutoIncludes().Select(c => new { c.Id, c.ParentId }).ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
                var seen = new HashSet<int>();
                for (int? ancestor = parent.Id; ancestor is { } id && seen.Add(id); ancestor = parents.GetValueOrDefault(id))
                {
                    if (id == company.Id)
                    {
                        Add("parent", $"{parent.Name} belongs to {company.Name}; making it the parent would create a cycle.");
                        break;
                    }
                }
            }
        }

        var aliases = new List<(string, AliasKind)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var ownKey = name.Length > 0 ? CompanyNames.Key(name) : company.NameKey;
        foreach (var alias in edit.Aliases ?? [])
        {
            var aliasName = alias.Name?.Trim() ?? string.Empty;
            if (aliasName.Length == 0)
            {
                Add("aliases", "An alias is empty.");
                continue;
            }
            if (aliasName.Length > MaxName)
            {
                Add("aliases", $"The alias '{aliasName[..40]}…' is longer than {MaxName} characters.");
                continue;
            }
            if (!EnumNames.TryParse<AliasKind>(alias.Kind, out var kind))
            {
                Add("aliases", $"The alias '{aliasName}' has kind '{alias.Kind}'; use alias, abbreviation or former.");
                continue;
            }
            var key = CompanyNames.Key(aliasName);
            if (key.Length == 0 || key == ownKey)
            {
                Add("aliases", $"The alias '{aliasName}' is the company's own name.");
                continue;
            }
            if (!keys.Add(key))
            {
                Add("aliases", $"The alias '{aliasName}' is listed twice.");
                continue;
            }
            var clash = await db.Companies.AsNoTracking().IgnoreAutoIncludes()
                .Where(c => c.Id != company.Id && (c.NameKey == key || db.CompanyAliases.Any(a => a.CompanyId == c.Id && a.NameKey == key)))
                .Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
            if (clash is not null)
            {
                Add("aliases", $"The alias '{aliasName}' already names {clash}.");
                continue;
            }
            aliases.Add((aliasName, kind));
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
        return (new ValidEdit(name, category, country, city, founded, parent, summary, aliases), []);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
