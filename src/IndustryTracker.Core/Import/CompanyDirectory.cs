using System.Collections.Concurrent;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// A company as the importer knows it while reading one article: an existing row, a reference entry, a profile in
/// the article, or several of these merged by name key.
/// </summary>
public sealed class CompanyIdentity
{
    public CompanyIdentity(string name)
    {
        Name = name.Trim();
        Key = CompanyNames.Key(Name);
    }

    /// <summary>With the key of <paramref name="name"/> already computed.</summary>
    internal CompanyIdentity(string name, string key)
    {
        Name = name.Trim();
        Key = key;
    }

    public string Name { get; }
    public string Key { get; }
    public Company? Existing { get; internal set; }
    public ReferenceCompany? Reference { get; internal set; }
    public ProfileEntry? Profile { get; internal set; }

    /// <summary>Set when the article introduced the company by its structure (see <see cref="CompanyDiscovery"/>).</summary>
    public DiscoveredCompany? Discovered { get; internal set; }

    public override string ToString() => Name;
}

/// <summary>
/// Every company name the importer can recognise: companies already in the database (names and aliases), the
/// reference list, and the profiles of the article being imported. Names that share a key (see
/// <see cref="CompanyNames.Key"/>) are one company, so "Deepseek" is DeepSeek and "Sinochem" is Sinochem Group.
/// </summary>
public sealed class CompanyDirectory
{
    private readonly Dictionary<string, CompanyIdentity> _byKey = new(StringComparer.Ordinal);
    private readonly List<CompanyIdentity> _all = [];
    private readonly PhraseMatcher<CompanyIdentity> _matcher = new();

    /// <summary>The keys of the names looked up so far: an article names the same companies in every paragraph, and
    /// extractors on two cores resolve them.</summary>
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// The keys of the names every directory starts from — stored companies, their aliases, the reference list — which
    /// are the same few thousand for each article. A key depends on the name alone, so they are computed once per
    /// process (the memo is emptied if it ever holds <see cref="StartingKeysLimit"/> names).
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> StartingKeys = new(StringComparer.Ordinal);

    private const int StartingKeysLimit = 200_000;

    private CompanyDirectory()
    {
    }

    public IReadOnlyList<CompanyIdentity> All => _all;

    public static CompanyDirectory Build(ReferenceData reference, IEnumerable<Company> existing, IEnumerable<ProfileEntry> profiles)
    {
        var directory = new CompanyDirectory();
        foreach (var company in existing)
        {
            var key = StartingKey(company.Name);
            var identity = directory.ByKey(key) ?? directory.Create(company.Name, key);
            identity.Existing ??= company;
            directory.Index(identity, company.Aliases.Select(a => a.Name));
        }
        foreach (var entry in reference.Companies)
        {
            var names = entry.Aliases.Select(a => a.Name).Prepend(entry.Name).ToList();
            var identity = names.Select(name => directory.ByKey(StartingKey(name))).FirstOrDefault(i => i is not null)
                ?? directory.Create(entry.Name, StartingKey(entry.Name));
            identity.Reference ??= entry;
            directory.Index(identity, names);
        }
        foreach (var profile in profiles)
        {
            var identity = directory.Resolve(profile.Name) ?? directory.Create(profile.Name);
            identity.Profile ??= profile;
        }
        foreach (var identity in directory._all)
        {
            var properNounOnly = identity.Reference?.ProperNounOnly ?? false;
            foreach (var name in NamesOf(identity))
            {
                directory._matcher.Add(name, identity, properNounOnly);
                directory._matcher.Add(StartingKey(name), identity, properNounOnly);
                // "Moonshot AI" is also written "Moonshot": a multi-word name ending in "AI" without it, capitalised.
                if (name.EndsWith(" AI", StringComparison.Ordinal) && name[..^3].Trim() is { Length: > 2 } stem
                    && !CompanyDiscovery.StopWords.Contains(stem) && directory.Resolve(stem) is null)
                {
                    directory._matcher.Add(stem, identity, properNounOnly: true);
                    directory.Index(identity, [stem]);
                }
            }
        }
        return directory;
    }

    /// <summary>The company a name or alias denotes, by name key; null when unknown.</summary>
    public CompanyIdentity? Resolve(string name) =>
        _byKey.TryGetValue(_keys.GetOrAdd(name, CompanyNames.Key), out var identity) ? identity : null;

    /// <summary>
    /// Adds companies the article introduces by structure. A name already known (by key) keeps its identity; a new
    /// one is matched from now on, with a capital letter only.
    /// </summary>
    public void Discover(IEnumerable<DiscoveredCompany> discovered)
    {
        ArgumentNullException.ThrowIfNull(discovered);
        foreach (var company in discovered)
        {
            if (Resolve(company.Name) is not null || CompanyNames.Key(company.Name).Length == 0)
            {
                continue;
            }
            var identity = Create(company.Name);
            identity.Discovered = company;
            _matcher.Add(company.Name, identity, properNounOnly: true);
        }
    }

    /// <summary>
    /// Makes <paramref name="alias"/> another name of <paramref name="company"/> for the rest of the article, unless
    /// the name already denotes another company. Returns whether it now resolves to <paramref name="company"/>.
    /// </summary>
    public bool AddAlias(CompanyIdentity company, string alias)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(alias);
        var key = CompanyNames.Key(alias);
        if (key.Length == 0)
        {
            return false;
        }
        if (_byKey.TryGetValue(key, out var known))
        {
            if (known == company)
            {
                return true;
            }
            if (known.Discovered is null || known.Existing is not null || known.Reference is not null || known.Profile is not null)
            {
                return false;
            }
            _all.Remove(known);
        }
        _byKey[key] = company;
        _matcher.Add(alias, company, properNounOnly: true);
        return true;
    }

    /// <summary>Whole-word, case-insensitive occurrences of known company names, longest name first.</summary>
    public IReadOnlyList<PhraseMatch<CompanyIdentity>> Find(string text) => _matcher.FindAll(text);

    private CompanyIdentity? ByKey(string key) => _byKey.GetValueOrDefault(key);

    private static string StartingKey(string name)
    {
        if (StartingKeys.TryGetValue(name, out var key))
        {
            return key;
        }
        key = CompanyNames.Key(name);
        if (StartingKeys.Count >= StartingKeysLimit)
        {
            StartingKeys.Clear();
        }
        StartingKeys.TryAdd(name, key);
        return key;
    }

    private CompanyIdentity Create(string name) => Create(name, CompanyNames.Key(name.Trim()));

    private CompanyIdentity Create(string name, string key)
    {
        var identity = new CompanyIdentity(name, key);
        _all.Add(identity);
        _byKey.TryAdd(identity.Key, identity);
        return identity;
    }

    private void Index(CompanyIdentity identity, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var key = StartingKey(name);
            if (key.Length > 0)
            {
                _byKey.TryAdd(key, identity);
            }
        }
    }

    private static IEnumerable<string> NamesOf(CompanyIdentity identity)
    {
        yield return identity.Name;
        if (identity.Existing is { } existing)
        {
            yield return existing.Name;
            foreach (var alias in existing.Aliases)
            {
                yield return alias.Name;
            }
        }
        if (identity.Reference is { } reference)
        {
            yield return reference.Name;
            foreach (var alias in reference.Aliases)
            {
                yield return alias.Name;
            }
        }
        if (identity.Profile is { } profile)
        {
            yield return profile.Name;
        }
    }
}
