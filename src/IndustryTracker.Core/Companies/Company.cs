using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Companies;

/// <summary>A company, public body or investor that the articles name.</summary>
public sealed class Company : IAuditable
{
    private readonly List<CompanyAlias> _aliases = [];
    private readonly List<Company> _subsidiaries = [];

    private Company()
    {
        Name = string.Empty;
        Slug = string.Empty;
        NameKey = string.Empty;
    }

    public Company(string name, CompanyCategory category = CompanyCategory.Other)
    {
        Name = string.Empty;
        Slug = string.Empty;
        NameKey = string.Empty;
        Rename(name);
        Category = category;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>URL name: lowercase, runs of non-alphanumerics replaced by '-' ("amazon-web-services", "01-ai").</summary>
    public string Slug { get; private set; }

    /// <summary>Normalized name for matching (case, punctuation and legal suffixes folded).</summary>
    public string NameKey { get; private set; }

    public CompanyCategory Category { get; set; }
    public string? Country { get; set; }
    public string? HeadquartersCity { get; set; }
    /// <summary>The company's own copy of the date (an owned value is never shared between owners).</summary>
    public FuzzyDate? Founded { get; set => field = value is null ? null : value with { }; }
    public string? Summary { get; set; }

    public int? ParentId { get; private set; }
    public Company? Parent { get; private set; }
    public IReadOnlyList<Company> Subsidiaries => _subsidiaries;
    public IReadOnlyList<CompanyAlias> Aliases => _aliases;

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Slug = Slugs.From(Name);
        NameKey = CompanyNames.Key(Name);
        if (Slug.Length == 0)
        {
            throw new ArgumentException($"'{name}' has no letters or digits to make a company name from.", nameof(name));
        }
    }

    /// <summary>Changes the display name and matching key but keeps the slug, so links to the company stay valid.</summary>
    public void RenameKeepingSlug(string name)
    {
        var slug = Slug;
        Rename(name);
        Slug = slug;
    }

    /// <summary>
    /// Makes the aliases exactly <paramref name="aliases"/>: an alias already present (by name key) is kept and takes
    /// the new spelling's kind, missing ones are removed, new ones added. Names equal to the company's own are skipped.
    /// </summary>
    public void ReplaceAliases(IEnumerable<(string Name, AliasKind Kind)> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var wanted = new List<CompanyAlias>();
        foreach (var (name, kind) in aliases)
        {
            var alias = new CompanyAlias(name, kind);
            if (alias.NameKey != NameKey && wanted.All(a => a.NameKey != alias.NameKey))
            {
                wanted.Add(alias);
            }
        }
        _aliases.RemoveAll(existing => wanted.All(a => a.NameKey != existing.NameKey));
        foreach (var alias in wanted)
        {
            var existing = _aliases.FirstOrDefault(a => a.NameKey == alias.NameKey);
            if (existing is null)
            {
                _aliases.Add(alias);
            }
            else
            {
                existing.Revise(alias.Name, alias.Kind);
            }
        }
    }

    /// <summary>Adds an alias unless the company already answers to that name; returns whether it was added.</summary>
    public bool AddAlias(string name, AliasKind kind)
    {
        var alias = new CompanyAlias(name, kind);
        if (alias.NameKey == NameKey || _aliases.Any(a => a.NameKey == alias.NameKey))
        {
            return false;
        }
        _aliases.Add(alias);
        return true;
    }

    public bool AnswersTo(string name)
    {
        var key = CompanyNames.Key(name);
        return key == NameKey || _aliases.Any(a => a.NameKey == key);
    }

    public void SetParent(Company? parent)
    {
        for (var ancestor = parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ReferenceEquals(ancestor, this) || (ancestor.Id != 0 && ancestor.Id == Id))
            {
                throw new InvalidOperationException($"{Name} cannot be its own parent or ancestor.");
            }
        }
        Parent = parent;
        if (parent is null)
        {
            ParentId = null;
        }
    }
}
