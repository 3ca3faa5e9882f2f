using System.Text.Json;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Editing;

namespace IndustryTracker.Web.Api;

/// <summary>
/// The body of <c>PUT /api/events/{id}</c>: <see cref="EventInput"/>'s fields, or exactly what <c>GET /api/events/{id}</c>
/// returns (round-trip). GET's read-only fields (id, origin, sources, version, updatedBy, updatedAt, deletedAt,
/// deletedBy) are accepted and ignored, except an id that names another event (400). GET's date object counts as its
/// label; when <c>companySlugs</c>/<c>modelSlugs</c> are present they are the links (GET's <c>companies</c> and
/// <c>models</c> are display names then), otherwise <c>companies</c>/<c>models</c> are slugs as in a POST.
/// </summary>
public sealed record EventUpdateBody
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Category { get; init; }
    public JsonElement? Date { get; init; }
    public IReadOnlyList<string>? Companies { get; init; }
    public IReadOnlyList<string>? Models { get; init; }
    public IReadOnlyList<string>? CompanySlugs { get; init; }
    public IReadOnlyList<string>? ModelSlugs { get; init; }
    public string? SourceUrl { get; init; }
    public int? SourceArticleId { get; init; }
    public int? SourceParagraph { get; init; }
    public string? SourceQuote { get; init; }

    // GET's read-only fields.
    public int? Id { get; init; }
    public JsonElement? Origin { get; init; }
    public JsonElement? Sources { get; init; }
    public JsonElement? Version { get; init; }
    public JsonElement? UpdatedBy { get; init; }
    public JsonElement? UpdatedAt { get; init; }
    public JsonElement? DeletedAt { get; init; }
    public JsonElement? DeletedBy { get; init; }

    /// <summary>The event input this body describes, or the problems keyed by field.</summary>
    public (EventInput? Input, Dictionary<string, string[]> Errors) ToInput(int id)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Id is { } bodyId && bodyId != id)
        {
            errors["id"] = [$"The body is event {bodyId} but the address is event {id}; the id can't change."];
        }
        var date = RoundTrip.TextOrProperty(Date, "label", "date", "a date in words like \"March 2025\" (or GET's date object)", errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new EventInput
        {
            Title = Title,
            Summary = Summary,
            Category = Category,
            Date = date,
            Companies = CompanySlugs ?? Companies,
            Models = ModelSlugs ?? Models,
            SourceUrl = SourceUrl,
            SourceArticleId = SourceArticleId,
            SourceParagraph = SourceParagraph,
            SourceQuote = SourceQuote,
        }, errors);
    }
}

/// <summary>GET /api/companies/{slug}'s "company" block.</summary>
public sealed record CompanyBlock(string? Name, string? Slug, IReadOnlyList<string>? Aliases, string? Category, string? Country, string? Parent, string? Summary);

/// <summary>
/// The body of <c>PUT /api/companies/{slug}</c>: <see cref="CompanyEdit"/>'s fields, or exactly what
/// <c>GET /api/companies/{slug}</c> returns (round-trip): the editable fields are read from its "company" block and
/// its headquartersCity, founded (date object: its label) and parent (link: its slug); alias kinds are kept from the
/// saved aliases (new names are plain aliases); the rest of the profile (models, investments, events, sources, ...) is
/// read-only, accepted and ignored. A "company.slug" other than the address is refused (slugs never change).
/// </summary>
public sealed record CompanyUpdateBody
{
    public string? Name { get; init; }
    public string? Category { get; init; }
    public string? Country { get; init; }
    public string? HeadquartersCity { get; init; }
    public JsonElement? Founded { get; init; }
    public JsonElement? Parent { get; init; }
    public string? Summary { get; init; }
    public JsonElement? Aliases { get; init; }
    public CompanyBlock? Company { get; init; }

    // The rest of GET's profile, read-only.
    public JsonElement? Subsidiaries { get; init; }
    public JsonElement? Models { get; init; }
    public JsonElement? Investments { get; init; }
    public JsonElement? Events { get; init; }
    public JsonElement? Sources { get; init; }
    public JsonElement? ArticleTitles { get; init; }
    public JsonElement? Relations { get; init; }

    /// <summary>The edit this body describes (alias kinds from <paramref name="saved"/>), or the problems keyed by field.</summary>
    public (CompanyEdit? Edit, Dictionary<string, string[]> Errors) ToEdit(string slug, CompanyEdit? saved)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Company?.Slug is { } bodySlug && !string.Equals(bodySlug, slug, StringComparison.Ordinal))
        {
            errors["slug"] = [$"The body is company '{bodySlug}' but the address is '{slug}'; a slug never changes."];
        }
        var founded = RoundTrip.TextOrProperty(Founded, "label", "founded", "a date in words like \"May 2023\" (or GET's date object)", errors);
        var parent = RoundTrip.TextOrProperty(Parent, "slug", "parent", "a company slug (or GET's parent link)", errors);
        var aliases = AliasesOf(saved, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new CompanyEdit(
            Name ?? Company?.Name,
            Category ?? Company?.Category,
            Country ?? Company?.Country,
            HeadquartersCity,
            founded,
            parent,
            Summary ?? Company?.Summary,
            aliases), errors);
    }

    private IReadOnlyList<CompanyAliasInput>? AliasesOf(CompanyEdit? saved, Dictionary<string, string[]> errors)
    {
        var kinds = (saved?.Aliases ?? []).GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.OrdinalIgnoreCase);
        CompanyAliasInput Named(string name) => new(name, kinds.GetValueOrDefault(name, "alias"));
        if (Aliases is not { ValueKind: not JsonValueKind.Null } aliases)
        {
            return Company?.Aliases is { } names ? [.. names.Select(Named)] : null;
        }
        if (aliases.ValueKind != JsonValueKind.Array)
        {
            errors["aliases"] = ["'aliases' has the wrong type; expected a JSON array of { name, kind } (or of names)."];
            return null;
        }
        var list = new List<CompanyAliasInput>();
        foreach (var alias in aliases.EnumerateArray())
        {
            if (alias.ValueKind == JsonValueKind.String)
            {
                list.Add(Named(alias.GetString()!));
            }
            else if (alias.ValueKind == JsonValueKind.Object
                && alias.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && alias.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                && alias.EnumerateObject().Count() == 2)
            {
                list.Add(new CompanyAliasInput(name.GetString()!, kind.GetString()!));
            }
            else
            {
                errors["aliases"] = ["Each alias is { \"name\": ..., \"kind\": alias|abbreviation|former } (or a name)."];
                return null;
            }
        }
        return list;
    }
}

internal static class RoundTrip
{
    /// <summary>A field that is text in an edit and an object in GET: the text, or the object's <paramref name="property"/>.</summary>
    public static string? TextOrProperty(JsonElement? value, string property, string field, string expected, Dictionary<string, string[]> errors)
    {
        switch (value)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.String } text:
                return text.GetString();
            case { ValueKind: JsonValueKind.Object } obj when obj.TryGetProperty(property, out var inner) && inner.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                return inner.ValueKind == JsonValueKind.Null ? null : inner.GetString();
            default:
                errors[field] = [$"'{field}' has the wrong type; expected {expected}."];
                return null;
        }
    }
}
