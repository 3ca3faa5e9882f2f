using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Startup;

public enum SeedOutcome
{
    /// <summary>The database already holds articles; nothing was imported.</summary>
    AlreadySeeded,

    /// <summary>The seed folder does not exist.</summary>
    NoSeedFolder,

    /// <summary>No <see cref="IArticleImporter"/> is registered.</summary>
    NoImporter,

    /// <summary>The seed folder was handed to the importer.</summary>
    Imported,
}

/// <summary>Imports the seed folder into a database that has no articles yet; does nothing otherwise.</summary>
public sealed class DatabaseSeeder(
    IDbContextFactory<IndustryTrackerDbContext> contextFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseSeeder> logger)
{
    public async Task<SeedOutcome> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Articles.AnyAsync(cancellationToken))
            {
                logger.LogInformation("The database already has articles; not seeding");
                return SeedOutcome.AlreadySeeded;
            }
        }

        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.Path));
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The database has no articles and the seed folder {SeedPath} does not exist; not seeding", folder);
            return SeedOutcome.NoSeedFolder;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetService<IArticleImporter>();
        if (importer is null)
        {
            logger.LogWarning("No article importer is registered (IArticleImporter); not seeding the database from {SeedPath}", folder);
            return SeedOutcome.NoImporter;
        }

        logger.LogInformation("Seeding the empty database from {SeedPath}", folder);
        var results = await importer.ImportPathsAsync([folder], null, cancellationToken);
        foreach (var rejected in results.Where(r => r.Outcome == ImportOutcome.Rejected))
        {
            logger.LogWarning("Seed article {FileName} was rejected: {Error}", rejected.FileName, rejected.Error);
        }
        var imported = results.Where(r => r.Outcome == ImportOutcome.Imported).Select(r => r.Counts).ToList();
        logger.LogInformation(
            "Seeded {Imported} articles ({Unchanged} unchanged, {Rejected} rejected) from {SeedPath}: {Companies} companies, {Models} models, {Investments} investments, {Events} events, {Mentions} mentions",
            imported.Count,
            results.Count(r => r.Outcome == ImportOutcome.Unchanged),
            results.Count(r => r.Outcome == ImportOutcome.Rejected),
            folder,
            imported.Sum(c => c.Companies),
            imported.Sum(c => c.Models),
            imported.Sum(c => c.Investments),
            imported.Sum(c => c.Events),
            imported.Sum(c => c.Mentions));
        return SeedOutcome.Imported;
    }
}
