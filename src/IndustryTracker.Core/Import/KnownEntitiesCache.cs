using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The stored companies and models, kept across the articles of one run (a folder, a multi-file import) so that each
/// article after the first reads only what changed instead of every row. Before each article it reads the rows'
/// identities — each company's and model's id and <c>Version</c> (every save of a record increments it) and each
/// alias's id, owner and name — and re-reads the companies and models that are new, changed or lost or gained an
/// alias, and drops the deleted ones. What it hands out is what <see cref="KnownEntities.LoadAsync"/> would read.
/// <para>
/// An instance it hands out is never one a previous article's context tracked: after a write, <see cref="Written"/>
/// drops every company and model that context tracked (they are read again, as the database now has them), and after a
/// failed write <see cref="Forget"/> drops everything. Not thread-safe: one run imports one article at a time.
/// </para>
/// </summary>
internal sealed class KnownEntitiesCache
{
    private readonly Dictionary<int, (Company Company, int Version)> _companies = [];
    private readonly Dictionary<int, (AiModel Model, int Version)> _models = [];
    private Dictionary<int, (int CompanyId, string Name)> _aliases = [];
    private bool _loaded;

    /// <summary>How many companies and models the last <see cref="LoadAsync"/> read in full (for tests and logs).</summary>
    public int LastRead { get; private set; }

    public async Task<KnownEntities> LoadAsync(IndustryTrackerDbContext db, CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            var all = await KnownEntities.LoadAsync(db, cancellationToken);
            _aliases = [];
            foreach (var company in all.Companies)
            {
                _companies[company.Id] = (company, company.Version);
                foreach (var alias in company.Aliases)
                {
                    _aliases[alias.Id] = (company.Id, alias.Name);
                }
            }
            foreach (var model in all.Models)
            {
                _models[model.Id] = (model, model.Version);
            }
            _loaded = true;
            LastRead = all.Companies.Count + all.Models.Count;
            return all;
        }

        var companyVersions = await db.Companies.AsNoTracking()
            .Select(c => new { c.Id, c.Version }).ToDictionaryAsync(c => c.Id, c => c.Version, cancellationToken);
        var aliases = await db.Set<CompanyAlias>().AsNoTracking()
            .Select(a => new { a.Id, a.CompanyId, a.Name }).ToDictionaryAsync(a => a.Id, a => (a.CompanyId, a.Name), cancellationToken);
        var modelVersions = await db.AiModels.AsNoTracking()
            .Select(m => new { m.Id, m.Version }).ToDictionaryAsync(m => m.Id, m => m.Version, cancellationToken);

        var staleCompanies = Stale(_companies, companyVersions);
        foreach (var (id, alias) in aliases)
        {
            if (!_aliases.TryGetValue(id, out var known) || known != alias)
            {
                staleCompanies.Add(alias.CompanyId);
                if (known.Name is not null)
                {
                    staleCompanies.Add(known.CompanyId);
                }
            }
        }
        foreach (var (id, known) in _aliases)
        {
            if (!aliases.ContainsKey(id))
            {
                staleCompanies.Add(known.CompanyId);
            }
        }
        staleCompanies.IntersectWith(companyVersions.Keys);
        var staleModels = Stale(_models, modelVersions);

        var companies = staleCompanies.Count == 0 ? [] : await db.Companies.AsNoTracking()
            .Where(c => staleCompanies.Contains(c.Id)).ToListAsync(cancellationToken);
        var models = staleModels.Count == 0 ? [] : await db.AiModels.AsNoTracking()
            .Where(m => staleModels.Contains(m.Id)).ToListAsync(cancellationToken);
        foreach (var company in companies)
        {
            _companies[company.Id] = (company, company.Version);
        }
        foreach (var model in models)
        {
            _models[model.Id] = (model, model.Version);
        }
        _aliases = aliases;
        LastRead = companies.Count + models.Count;
        return Snapshot();
    }

    /// <summary>
    /// After a successful write: every company and model <paramref name="db"/> tracked is read again before the next
    /// article, so no instance handed out later was attached to a context before.
    /// </summary>
    public void Written(IndustryTrackerDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Company>())
        {
            _companies.Remove(entry.Entity.Id);
        }
        foreach (var entry in db.ChangeTracker.Entries<AiModel>())
        {
            _models.Remove(entry.Entity.Id);
        }
    }

    /// <summary>After a failed write (its instances may hold changes that were rolled back): the next article reads everything.</summary>
    public void Forget()
    {
        _companies.Clear();
        _models.Clear();
        _aliases = [];
        _loaded = false;
    }

    /// <summary>Ids whose row is new or has another version; drops the cached rows that are gone.</summary>
    private static HashSet<int> Stale<T>(Dictionary<int, (T Entity, int Version)> cached, Dictionary<int, int> stored)
    {
        foreach (var id in cached.Keys.Where(id => !stored.ContainsKey(id)).ToList())
        {
            cached.Remove(id);
        }
        var stale = new HashSet<int>();
        foreach (var (id, storedVersion) in stored)
        {
            if (!cached.TryGetValue(id, out var entry) || entry.Version != storedVersion)
            {
                stale.Add(id);
            }
        }
        return stale;
    }

    /// <summary>The cached rows in id order (as a full read returns them), each model's developer the cached company.</summary>
    private KnownEntities Snapshot()
    {
        var companies = _companies.Values.Select(c => c.Company).OrderBy(c => c.Id).ToList();
        var models = _models.Values.Select(m => m.Model).OrderBy(m => m.Id).ToList();
        foreach (var model in models)
        {
            model.Developer = model.DeveloperId is { } id && _companies.TryGetValue(id, out var developer) ? developer.Company : null;
        }
        return new KnownEntities(companies, models);
    }
}
