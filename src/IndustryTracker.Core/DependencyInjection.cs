using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Core;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database (SQLite by default, PostgreSQL by configuration), migrations, import and queries.
    /// Reads <c>Database:Provider</c> and <c>ConnectionStrings:IndustryTracker</c>.
    /// </summary>
    public static IServiceCollection AddIndustryTrackerCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o =>
            {
                var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                if (!string.IsNullOrWhiteSpace(connectionString))
                {
                    o.ConnectionString = connectionString;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICurrentActor>(new SystemActor("system"));
        services.AddSingleton<QueryCache>();
        // Pooled contexts: one for each short unit of work, as before, without building each one's internal services
        // anew (7–44 % more /api/events requests a second at 100k events; docs/benchmarks.md). EF Core builds the options
        // (so ConfigureDbContext applies); ContextPool replaces its factory to clear this app's per-unit-of-work state.
        // The scoped context (Identity's stores, the data-protection key ring) comes from the same pool and goes back
        // to it when the scope ends.
        services.AddPooledDbContextFactory<IndustryTrackerDbContext>((sp, builder) =>
            ConfigureProvider(builder, sp.GetRequiredService<DatabaseOptions>())
                .AddInterceptors(
                    new AuditingInterceptor(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ICurrentActor>()),
                    new History.HistoryInterceptor(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ICurrentActor>()),
                    new QueryCacheInvalidator(sp.GetRequiredService<QueryCache>()),
                    CacheStampInterceptor.Instance));
        services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<IndustryTrackerDbContext>, ContextPool>());
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<IndustryTrackerDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseUpgrader>();
        services.AddSingleton<Export.ExportService>();
        services.AddOptions<ImportLimits>()
            .Bind(configuration.GetSection(ImportLimits.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ArticleImporter>();
        services.TryAddSingleton<IArticleImporter>(sp => new BoundedArticleImporter(
            sp.GetRequiredService<ArticleImporter>(),
            sp.GetRequiredService<IOptions<ImportLimits>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BoundedArticleImporter>>()));
        services.AddSingleton<Companies.CompanyEditor>();
        services.AddScoped<EventQueries>();
        services.AddScoped<CompanyQueries>();
        services.AddScoped<CompanyPagedQueries>();
        services.AddScoped<ModelQueries>();
        services.AddScoped<InvestmentQueries>();
        services.AddScoped<ValuationQueries>();
        services.AddScoped<Review.ReviewService>();
        services.AddScoped<SourceQueries>();
        services.AddScoped<Editing.EventEditor>();
        services.AddScoped<Editing.PickerSearch>();
        services.AddScoped<History.HistoryService>();
        services.AddScoped<History.CompanyMerger>();
        return services;
    }

    public const string SqliteMigrationsAssembly = "IndustryTracker.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "IndustryTracker.Migrations.Postgres";

    public static DbContextOptionsBuilder ConfigureProvider(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        options.Provider switch
        {
            // Split queries by default: a query that loads several collections runs one SQL query per collection
            // instead of a cartesian product (and EF's MultipleCollectionIncludeWarning stays quiet).
            // Each provider's migrations live in their own assembly (EF Core's layout for several providers).
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString, o => o
                .MigrationsAssembly(SqliteMigrationsAssembly)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).AddInterceptors(SqlitePragmas.Instance),
            DatabaseProvider.Postgres => builder.UseNpgsql(PostgresConnectionDefaults.Apply(options.ConnectionString), o => o
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'. Use Sqlite or Postgres."),
        };
}
