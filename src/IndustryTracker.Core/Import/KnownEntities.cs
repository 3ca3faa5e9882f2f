using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The companies (with their aliases) and models already stored, in id order, read for each article to recognise names
/// (across the articles of one run, <see cref="KnownEntitiesCache"/> reads only what changed), without
/// change tracking: the writer attaches only the few an article uses (<c>WriteSession.Track</c>), so saving an
/// article does not compare thousands of untouched rows with their snapshots. A model's developer is the same
/// instance as that company in <see cref="Companies"/>, so each stored company is one object in the graph.
/// </summary>
public sealed record KnownEntities(IReadOnlyList<Company> Companies, IReadOnlyList<AiModel> Models)
{
    public static async Task<KnownEntities> LoadAsync(IndustryTrackerDbContext db, CancellationToken cancellationToken)
    {
        var companies = await db.Companies.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var models = await db.AiModels.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var byId = companies.ToDictionary(c => c.Id);
        foreach (var model in models)
        {
            model.Developer = model.DeveloperId is { } id ? byId.GetValueOrDefault(id) : null;
        }
        return new KnownEntities(companies, models);
    }
}
