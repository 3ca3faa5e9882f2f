using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Review;
using IndustryTracker.Core.Sources;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// What the fact writers of one article share: the context, the article being written, the companies resolved so far,
/// the rejected facts to skip, the notes for the import report and the number of quotes (mentions) added.
/// </summary>
internal sealed class WriteSession(IndustryTrackerDbContext db, ReferenceData reference, Article article, RejectionMemory rejections)
{
    private readonly Dictionary<CompanyIdentity, Company> _companies = [];
    private readonly List<Mention> _quotes = [];

    public IndustryTrackerDbContext Db { get; } = db;
    public ReferenceData Reference { get; } = reference;
    public Article Article { get; } = article;
    public RejectionMemory Rejections { get; } = rejections;
    public List<string> Notes { get; } = [];
    public int Mentions => _quotes.Count;

    /// <summary>The companies this article resolved, by the identity the extraction gave them.</summary>
    public IReadOnlyDictionary<CompanyIdentity, Company> Companies => _companies;

    /// <summary>
    /// Adds one quote of this article as evidence: <paramref name="of"/> builds the mention for the fact. Quotes are
    /// not tracked by the context: a long article has tens of thousands, so they are inserted in bulk once every fact
    /// has its id (<see cref="QuoteWriter"/>).
    /// </summary>
    public void Quote(SourceQuote source, Func<Article, int, string, Mention> of)
    {
        _quotes.Add(of(Article, source.Paragraph, Text.Truncate(source.Quote, FactLimits.Quote)));
    }

    /// <summary>The quotes added so far, in order; written by <see cref="QuoteWriter"/> after the facts are saved.</summary>
    public IReadOnlyList<Mention> Quotes => _quotes;

    /// <summary>The id of the stored company an identity stands for, or null for a company this article adds (creates nothing).</summary>
    public int? StoredCompanyId(CompanyIdentity identity) =>
        (_companies.TryGetValue(identity, out var company) ? company : identity.Existing) is { Id: > 0 } stored ? stored.Id : null;

    /// <summary>
    /// The company an identity stands for, tracked by this context: the one resolved earlier, the existing row
    /// (<see cref="Track(Company)"/>), or a new one.
    /// </summary>
    public Company CompanyFor(CompanyIdentity identity)
    {
        if (_companies.TryGetValue(identity, out var company))
        {
            return company;
        }
        company = identity.Existing is { } existing ? Track(existing) : NewCompany(identity);
        identity.Existing = company;
        _companies[identity] = company;
        return company;
    }

    /// <summary>
    /// A stored company, tracked: the instance this context already tracks with the same id (read by a query of this
    /// write, or attached earlier), else <paramref name="company"/> attached unchanged. The directory is read without
    /// tracking (<see cref="KnownEntities"/>), so only the companies an article touches are tracked, and each stored
    /// company is one instance. Change a company only after tracking it.
    /// </summary>
    public Company Track(Company company)
    {
        if (company.Id == 0)
        {
            return company;
        }
        if (Tracked<Company>(company.Id) is { } tracked)
        {
            return tracked;
        }
        Db.Attach(company);
        return company;
    }

    /// <summary>A stored model, tracked (as <see cref="Track(Company)"/>); its developer is tracked first, so it is the context's instance.</summary>
    public AiModel Track(AiModel model)
    {
        if (model.Id == 0)
        {
            return model;
        }
        if (Tracked<AiModel>(model.Id) is { } tracked)
        {
            return tracked;
        }
        if (model.Developer is { } developer)
        {
            model.Developer = Track(developer);
        }
        Db.Attach(model);
        return model;
    }

    /// <summary>The entity of type <typeparamref name="T"/> with <paramref name="id"/> this context tracks, found by key without detecting changes first.</summary>
    private T? Tracked<T>(int id)
        where T : class
    {
        var detect = Db.ChangeTracker.AutoDetectChangesEnabled;
        Db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return Db.Set<T>().Local.FindEntry(id)?.Entity;
        }
        finally
        {
            Db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private Company NewCompany(CompanyIdentity identity)
    {
        var listed = identity.Reference;
        var category = listed?.Category
            ?? (identity.Profile is null && identity.Discovered is { } found ? found.Category : ProfileCategory.Of(identity.Profile));
        var company = new Company(listed?.Name ?? identity.Name, category)
        {
            Country = listed?.Country,
            HeadquartersCity = listed?.City ?? identity.Discovered?.City,
        };
        foreach (var alias in listed?.Aliases ?? [])
        {
            company.AddAlias(alias.Name, alias.Kind);
        }
        if (identity.Profile is { } profile)
        {
            company.AddAlias(profile.Name, AliasKind.Alias);
        }
        Db.Companies.Add(company);
        return company;
    }

    /// <summary>Text cut to a column's length, with an ellipsis.</summary>
    public static class Text
    {
        public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

        public static string? TruncateOrNull(string? text, int max) => text is null ? null : Truncate(text, max);
    }
}

/// <summary>A new company's category from its profile entry's description ("an AI startup" → model developer).</summary>
internal static class ProfileCategory
{
    public static CompanyCategory Of(ProfileEntry? profile)
    {
        var text = profile?.Description ?? string.Empty;
        return text switch
        {
            _ when Has(text, "Model-as-a-Service") || Has(text, "MaaS") || Has(text, "cloud provider") => CompanyCategory.CloudMaas,
            _ when Has(text, "chipmaker") || Has(text, "chip designer") => CompanyCategory.Chipmaker,
            _ when Has(text, "infrastructure firm") || Has(text, "infrastructure provider") => CompanyCategory.Infrastructure,
            _ when Has(text, "hardware maker") => CompanyCategory.HardwareMaker,
            _ when Has(text, "AI company") || Has(text, "AI startup") || Has(text, "model developer") => CompanyCategory.ModelDeveloper,
            _ when Has(text, "investment firm") || Has(text, "venture capital") => CompanyCategory.Investor,
            _ => CompanyCategory.Other,
        };
    }

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
