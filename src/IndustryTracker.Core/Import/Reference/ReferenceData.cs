using System.Text.Json;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import.Reference;

public sealed record ReferenceAlias(string Name, AliasKind Kind);

/// <summary>A well-known company: how it is named and what kind of company it is. General knowledge, not article facts.</summary>
public sealed record ReferenceCompany(
    string Name,
    IReadOnlyList<ReferenceAlias> Aliases,
    CompanyCategory Category,
    string? Country,
    string? City,
    string? Parent,
    bool ProperNounOnly)
{
    public string Key { get; } = CompanyNames.Key(Name);
}

/// <summary>A well-known AI model and its developer (a company name from the company reference list).</summary>
public sealed record ReferenceModel(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Developer,
    AiModelKind Kind,
    AiModelStatus Status,
    Accessibility Accessibility);

/// <summary>A model brand ("Qwen") and the company that develops the models it names.</summary>
public sealed record ModelBrand(string Brand, string Developer);

/// <summary>A dated FX rate: US dollars per one unit of <see cref="Currency"/>, and where the rate comes from.</summary>
/// <summary>
/// News outlets and publication markers (seeds/reference/publishers.json): media groups written in front of a
/// publication's name, words that mark a publication ("news", "review"), and outlets that are never companies.
/// </summary>
public sealed record PublisherReference(IReadOnlyList<string> MediaGroups, IReadOnlySet<string> PublicationWords, IReadOnlySet<string> Outlets)
{
    public static PublisherReference Empty { get; } = new([], new HashSet<string>(), new HashSet<string>());

    /// <summary>True when <paramref name="name"/> is a listed outlet (by name key: "the Financial Times" too).</summary>
    public bool IsOutlet(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return Outlets.Contains(CompanyNames.Key(trimmed))
            || (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && Outlets.Contains(CompanyNames.Key(trimmed[4..])));
    }

    public static PublisherReference Parse(string json)
    {
        var file = System.Text.Json.JsonSerializer.Deserialize<PublishersFile>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("The publishers reference list is empty.");
        return new PublisherReference(
            file.MediaGroups ?? [],
            (file.PublicationWords ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase),
            (file.Outlets ?? []).Select(CompanyNames.Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal));
    }

    private sealed record PublishersFile(IReadOnlyList<string>? MediaGroups, IReadOnlyList<string>? PublicationWords, IReadOnlyList<string>? Outlets);
}

public sealed record FxRate(string Currency, decimal UsdPerUnit, DateOnly Date, string Source);

/// <summary>The curated reference lists embedded from seeds/reference/*.json.</summary>
public sealed class ReferenceData
{
    private static readonly Lazy<ReferenceData> Embedded = new(LoadEmbedded);

    public ReferenceData(IReadOnlyList<ReferenceCompany> companies, IReadOnlyList<ReferenceModel> models, IReadOnlyList<ModelBrand> brands)
    {
        Companies = companies;
        Models = models;
        Brands = brands;
    }

    public static ReferenceData Default => Embedded.Value;

    public static ReferenceData Empty { get; } = new([], [], []);

    /// <summary>FX rates for converting reported amounts to USD (seeds/reference/fx-rates.json).</summary>
    public IReadOnlyList<FxRate> FxRates { get; init; } = [];

    /// <summary>News outlets and publication markers; empty unless loaded.</summary>
    public PublisherReference Publishers { get; init; } = PublisherReference.Empty;

    /// <summary>The latest rate for <paramref name="currency"/> on or before <paramref name="on"/>, else its earliest rate.</summary>
    public FxRate? RateFor(string currency, DateOnly? on)
    {
        var rates = FxRates.Where(r => string.Equals(r.Currency, currency, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Date).ToList();
        if (rates.Count == 0)
        {
            return null;
        }
        return on is { } day ? rates.LastOrDefault(r => r.Date <= day) ?? rates[0] : rates[^1];
    }

    public static IReadOnlyList<FxRate> ParseFxRates(string json)
    {
        var file = JsonSerializer.Deserialize<FxFile>(json, EnumNames.JsonOptions)
            ?? throw new InvalidDataException("The FX rate list is empty.");
        return file.Rates.Select(r => new FxRate(
            r.Currency.ToUpperInvariant(),
            r.UsdPerUnit > 0 ? r.UsdPerUnit : throw new InvalidDataException($"FX rate for {r.Currency} on {r.Date} must be positive."),
            DateOnly.ParseExact(r.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(r.Source) ? throw new InvalidDataException($"FX rate for {r.Currency} on {r.Date} has no source.") : r.Source)).ToList();
    }

    public IReadOnlyList<ReferenceCompany> Companies { get; }
    public IReadOnlyList<ReferenceModel> Models { get; }
    public IReadOnlyList<ModelBrand> Brands { get; }

    public static ReferenceData Parse(string companiesJson, string modelsJson)
    {
        var companies = JsonSerializer.Deserialize<CompaniesFile>(companiesJson, EnumNames.JsonOptions)
            ?? throw new InvalidDataException("The company reference list is empty.");
        var models = JsonSerializer.Deserialize<ModelsFile>(modelsJson, EnumNames.JsonOptions)
            ?? throw new InvalidDataException("The model reference list is empty.");
        return new ReferenceData(
            companies.Companies.Select(c => new ReferenceCompany(
                c.Name,
                (c.Aliases ?? []).Select(a => new ReferenceAlias(a.Name, Enum<AliasKind>(a.Kind ?? "alias", c.Name))).ToList(),
                Enum<CompanyCategory>(c.Category ?? "other", c.Name),
                c.Country,
                c.City,
                c.Parent,
                c.ProperNounOnly)).ToList(),
            models.Models.Select(m => new ReferenceModel(
                m.Name,
                m.Aliases ?? [],
                m.Developer,
                Enum<AiModelKind>(m.Kind ?? "llm", m.Name),
                Enum<AiModelStatus>(m.Status ?? "released", m.Name),
                Enum<Accessibility>(m.Accessibility ?? "unknown", m.Name))).ToList(),
            models.Brands.Select(b => new ModelBrand(b.Brand, b.Developer)).ToList());
    }

    private static ReferenceData LoadEmbedded()
    {
        var data = Parse(ReadResource("reference/companies.json"), ReadResource("reference/models.json"));
        return new ReferenceData(data.Companies, data.Models, data.Brands)
        {
            FxRates = ParseFxRates(ReadResource("reference/fx-rates.json")),
            Publishers = PublisherReference.Parse(ReadResource("reference/publishers.json")),
        };
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded reference list '{name}' is missing from the Core assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static TEnum Enum<TEnum>(string text, string owner)
        where TEnum : struct, Enum =>
        EnumNames.TryParse<TEnum>(text, out var value)
            ? value
            : throw new InvalidDataException($"Reference entry '{owner}': '{text}' is not a valid {typeof(TEnum).Name}.");

    private sealed record CompaniesFile(IReadOnlyList<CompanyEntry> Companies);

    private sealed record CompanyEntry(string Name, IReadOnlyList<AliasEntry>? Aliases, string? Category, string? Country, string? City, string? Parent, bool ProperNounOnly);

    private sealed record AliasEntry(string Name, string? Kind);

    private sealed record ModelsFile(IReadOnlyList<ModelEntry> Models, IReadOnlyList<BrandEntry> Brands);

    private sealed record ModelEntry(string Name, IReadOnlyList<string>? Aliases, string? Developer, string? Kind, string? Status, string? Accessibility);

    private sealed record BrandEntry(string Brand, string Developer);

    private sealed record FxFile(IReadOnlyList<FxEntry> Rates);

    private sealed record FxEntry(string Currency, decimal UsdPerUnit, string Date, string Source);
}
