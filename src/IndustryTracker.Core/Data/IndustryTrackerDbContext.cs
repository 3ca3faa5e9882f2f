using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Data;

/// <summary>
/// The tracker's data and, on the same database, ASP.NET Core Identity's users, roles, claims, logins and tokens
/// (tables "AspNet*", migration 0004_Identity). See docs/adr/0005-accounts.md. Also what several web instances on
/// one database share: the data-protection key ring and the query-cache stamp (docs/deployment.md).
/// </summary>
public sealed class IndustryTrackerDbContext(DbContextOptions<IndustryTrackerDbContext> options)
    : IdentityDbContext<IdentityUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CompanyAlias> CompanyAliases => Set<CompanyAlias>();
    public DbSet<AiModel> AiModels => Set<AiModel>();
    public DbSet<Investment> Investments => Set<Investment>();
    public DbSet<TimelineEvent> Events => Set<TimelineEvent>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Mention> Mentions => Set<Mention>();
    public DbSet<Valuations.Valuation> Valuations => Set<Valuations.Valuation>();
    public DbSet<Review.RejectedFact> RejectedFacts => Set<Review.RejectedFact>();

    /// <summary>The data-protection key ring (cookies, antiforgery, bearer tokens), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>One row, changed by every save: how an instance learns that another one wrote (see <see cref="Queries.CacheStamp"/>).</summary>
    public DbSet<Queries.CacheStamp> CacheStamps => Set<Queries.CacheStamp>();

    /// <summary>
    /// Who this unit of work acts for (a user name, or "import"); stamped on changed records and their history.
    /// Null means the application's default actor (<see cref="Auditing.ICurrentActor"/>).
    /// </summary>
    public string? Actor { get; set; }

    /// <summary>How this unit of work's saves are recorded in history (see <see cref="History.HistoryInterceptor"/>).</summary>
    public History.HistoryRecording History { get; private set; } = new();

    /// <summary>Clears what a previous unit of work left on a pooled context: its actor and its history recording.</summary>
    internal IndustryTrackerDbContext StartUnitOfWork()
    {
        Actor = null;
        History = new();
        return this;
    }

    /// <summary>
    /// Detects changes once per save. The save's interceptors (auditing, history, the cache stamp) each read the change
    /// tracker, and each read would otherwise compare every tracked entity with its snapshot again: on an import of a
    /// long article, thousands of entities several times over. What the interceptors change themselves they change
    /// through the entry API or add as new entities, which needs no detection.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IndustryTrackerDbContext).Assembly);
    }
}
