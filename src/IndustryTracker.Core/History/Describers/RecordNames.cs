using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.History.Describers;

/// <summary>Names of companies and models by id, for lists in history: tracked (possibly new) records first, then stored ones; "#id" when gone.</summary>
internal static class RecordNames
{
    public static async Task<Dictionary<int, string>> CompaniesAsync(DbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var (names, missing) = Tracked<Company>(db, ids, c => c.Name);
        foreach (var row in await db.Set<Company>().AsNoTracking().IgnoreAutoIncludes().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
        {
            names[row.Id] = row.Name;
        }
        return Complete(names, missing);
    }

    public static async Task<Dictionary<int, string>> ModelsAsync(DbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var (names, missing) = Tracked<AiModel>(db, ids, m => m.Name);
        foreach (var row in await db.Set<AiModel>().AsNoTracking().Where(m => missing.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
        {
            names[row.Id] = row.Name;
        }
        return Complete(names, missing);
    }

    /// <summary>The name of the company with this id, tracked or stored.</summary>
    public static async Task<string> CompanyAsync(DbContext db, int id, CancellationToken cancellationToken) =>
        (await CompaniesAsync(db, [id], cancellationToken))[id];

    private static (Dictionary<int, string> Names, List<int> Missing) Tracked<T>(DbContext db, IEnumerable<int> ids, Func<T, string> name)
        where T : class
    {
        var tracked = db.ChangeTracker.Entries<T>().ToDictionary(e => (int)e.Property("Id").CurrentValue!, e => name(e.Entity));
        var names = new Dictionary<int, string>();
        var missing = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (tracked.TryGetValue(id, out var found))
            {
                names[id] = found;
            }
            else
            {
                missing.Add(id);
            }
        }
        return (names, missing);
    }

    private static Dictionary<int, string> Complete(Dictionary<int, string> names, List<int> missing)
    {
        foreach (var id in missing.Where(id => !names.ContainsKey(id)))
        {
            names[id] = $"#{id}";
        }
        return names;
    }
}
