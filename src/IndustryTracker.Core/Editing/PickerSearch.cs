using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Editing;

/// <summary>
/// The editors' company and model pickers search here, on the server, as the editor types: a page never loads every
/// company or model. A search matches the slug or, case-insensitively, the name; results come in name order.
/// </summary>
public sealed class PickerSearch(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
{
    /// <summary>How many matches a picker shows unless told otherwise.</summary>
    public const int DefaultTake = 20;

    public async Task<IReadOnlyList<PickerOption>> CompaniesAsync(string? search, int take = DefaultTake, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Companies.AsNoTracking().IgnoreAutoIncludes();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var (key, lower) = Keys(search);
            query = query.Where(c => c.Slug.Contains(key) || c.Name.ToLower().Contains(lower));
        }
        return await query.OrderBy(c => c.Name).Take(take).Select(c => new PickerOption(c.Slug, c.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PickerOption>> ModelsAsync(string? search, int take = DefaultTake, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AiModels.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var (key, lower) = Keys(search);
            query = query.Where(m => m.Slug.Contains(key) || m.Name.ToLower().Contains(lower));
        }
        return await query.OrderBy(m => m.Name).Take(take).Select(m => new PickerOption(m.Slug, m.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The names of companies an editor already chose (a loaded event, a conflict), in the order given; unknown slugs are left out.</summary>
    public async Task<IReadOnlyList<PickerOption>> CompaniesBySlugAsync(IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        var wanted = slugs.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Companies.AsNoTracking().IgnoreAutoIncludes().Where(c => wanted.Contains(c.Slug))
            .Select(c => new PickerOption(c.Slug, c.Name)).ToListAsync(cancellationToken);
        return InOrder(wanted, found);
    }

    /// <summary>The names of models an editor already chose, in the order given; unknown slugs are left out.</summary>
    public async Task<IReadOnlyList<PickerOption>> ModelsBySlugAsync(IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        var wanted = slugs.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.AiModels.AsNoTracking().Where(m => wanted.Contains(m.Slug))
            .Select(m => new PickerOption(m.Slug, m.Name)).ToListAsync(cancellationToken);
        return InOrder(wanted, found);
    }

    private static (string Key, string Lower) Keys(string search) => (Slugs.From(search), search.Trim().ToLowerInvariant());

    private static List<PickerOption> InOrder(List<string> wanted, List<PickerOption> found) =>
        [.. wanted.Select(slug => found.Find(o => o.Slug == slug)).OfType<PickerOption>()];
}
