using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Data;

public sealed class IndustryTrackerDbContext(DbContextOptions<IndustryTrackerDbContext> options) : DbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CompanyAlias> CompanyAliases => Set<CompanyAlias>();
    public DbSet<AiModel> AiModels => Set<AiModel>();
    public DbSet<Investment> Investments => Set<Investment>();
    public DbSet<TimelineEvent> Events => Set<TimelineEvent>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Mention> Mentions => Set<Mention>();

    /// <summary>
    /// Who this unit of work acts for (a user name, or "import"); stamped on changed records and their history.
    /// Null means the application's default actor (<see cref="Auditing.ICurrentActor"/>).
    /// </summary>
    public string? Actor { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IndustryTrackerDbContext).Assembly);
    }
}
