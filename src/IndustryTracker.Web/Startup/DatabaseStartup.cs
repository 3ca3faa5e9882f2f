using IndustryTracker.Core.Data;
using Microsoft.Data.Sqlite;

namespace IndustryTracker.Web.Startup;

internal static class DatabaseStartup
{
    /// <summary>Makes a relative SQLite file path relative to the content root rather than the working folder.</summary>
    public static void ResolveSqlitePath(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(source))
        {
            return;
        }
        builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
        options.ConnectionString = builder.ToString();
    }

    /// <summary>Creates or upgrades the database (never deletes it), then seeds it if it has no articles.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        logger.LogInformation("Using the {Provider} database {DataSource}", options.Provider, DescribeDataSource(options));

        var applied = await app.Services.GetRequiredService<DatabaseUpgrader>().MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is up to date ({Applied} migrations applied now)", applied.Count);

        await app.Services.GetRequiredService<DatabaseSeeder>().SeedAsync(cancellationToken);
    }

    private static string DescribeDataSource(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            return new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        }
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"{npgsql.Host}:{npgsql.Port}/{npgsql.Database}";
    }
}
