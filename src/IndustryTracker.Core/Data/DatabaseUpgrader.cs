using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.Data;

/// <summary>
/// Creates or upgrades the database with EF Core migrations (one set per provider, in IndustryTracker.Migrations.*).
/// Databases are never deleted. A database made by the hand-written SQL scripts of earlier releases (their history
/// table "__SchemaVersions") already has the schema of the first EF migration: it is adopted in place — that
/// migration recorded as applied and "__SchemaVersions" dropped, in one transaction — and every row is kept.
/// See docs/adr/0003-migrations.md.
/// </summary>
public sealed class DatabaseUpgrader(
    IDbContextFactory<IndustryTrackerDbContext> contextFactory,
    DatabaseOptions options,
    ILogger<DatabaseUpgrader> logger)
{
    internal const string LegacyHistoryTable = "__SchemaVersions";

    /// <summary>The hand-written scripts whose result equals the first EF migration.</summary>
    internal static readonly IReadOnlyList<string> LegacyVersions = ["0001_Initial", "0003_Search", "0004_Identity", "0005_EventEditing", "0006_History"];

    /// <summary>Applies every migration not yet applied; returns the ids of those applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        EnsureSqliteFolderExists();
        if (await IsCurrentAsync(cancellationToken))
        {
            return [];
        }
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await AdoptLegacyDatabaseAsync(context, cancellationToken);
        await EnsureMigrationHistoryTableAsync(context, cancellationToken);

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            // Nothing to do, and nothing written: MigrateAsync would still take (write) its migration lock.
            return pending;
        }
        await context.Database.MigrateAsync(cancellationToken);
        foreach (var migration in pending)
        {
            logger.LogInformation("Applied migration {Migration}", migration);
        }
        return pending;
    }

    /// <summary>
    /// Builds EF Core's model on another core, for a process about to check its database and then go on with other
    /// work that needs the model (a CLI command reads its input first). The first context that needs the model then
    /// waits for this build (EF Core builds a model once, under a lock: <see cref="MigrateAsync"/> too, when it has
    /// migrations to apply) or finds it done, instead of building it on its own path. A failure is left to that first
    /// use to report, as it would be without this.
    /// </summary>
    public Task BuildModelInBackground() =>
        Task.Run(() =>
        {
            try
            {
                using var context = contextFactory.CreateDbContext();
                _ = context.Model;
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "The model's early build failed; the first use of the database reports it");
            }
        });

    /// <summary>
    /// The usual case, answered without EF Core's model: the database has no legacy history table and every migration
    /// of this release is recorded as applied. One connection and three small queries; the model (about a third of a
    /// second to build) is then built by the first unit of work, which may have other work to overlap it with (the
    /// importer reads the article's names and sentences ahead meanwhile). Anything else, a database that can't be
    /// opened included, takes the full path.
    /// </summary>
    private async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = options.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(options.ConnectionString)
            : (DbConnection)new Npgsql.NpgsqlConnection(options.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (await TableExistsAsync(connection, LegacyHistoryTable, cancellationToken)
                || !await TableExistsAsync(connection, HistoryRepository.DefaultTableName, cancellationToken))
            {
                return false;
            }
            var applied = await AppliedMigrationsAsync(connection, cancellationToken);
            var ids = MigrationIds();
            return ids.Count > 0 && ids.All(applied.Contains);
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>The ids of this release's migrations for the configured provider, read from its migrations assembly
    /// as EF Core reads them: each migration class of this context carries its id in <see cref="MigrationAttribute"/>.</summary>
    internal IReadOnlyList<string> MigrationIds()
    {
        var assembly = System.Reflection.Assembly.Load(options.Provider == DatabaseProvider.Sqlite
            ? DependencyInjection.SqliteMigrationsAssembly
            : DependencyInjection.PostgresMigrationsAssembly);
        return [.. assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration))
                && System.Reflection.CustomAttributeExtensions.GetCustomAttribute<DbContextAttribute>(t)?.ContextType == typeof(IndustryTrackerDbContext))
            .Select(t => System.Reflection.CustomAttributeExtensions.GetCustomAttribute<MigrationAttribute>(t)?.Id)
            .OfType<string>()];
    }

    private static async Task<HashSet<string>> AppliedMigrationsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        [.. await TextColumnAsync(connection, $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\";", cancellationToken)];

    /// <summary>
    /// Creates EF's migration history table on an empty database before anything reads it. Npgsql's history repository
    /// finds out whether the table exists by reading it, so on an empty PostgreSQL database the pending-migrations check
    /// and the migrator would each log a failed command ("Failed executing DbCommand", at Error) before creating it.
    /// The probe here asks the catalog instead, as the legacy-table probe does.
    /// </summary>
    private async Task EnsureMigrationHistoryTableAsync(IndustryTrackerDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await TableExistsAsync(context.Database.GetDbConnection(), HistoryRepository.DefaultTableName, cancellationToken))
            {
                await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private async Task AdoptLegacyDatabaseAsync(IndustryTrackerDbContext context, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await TableExistsAsync(connection, LegacyHistoryTable, cancellationToken))
            {
                return;
            }
            var applied = await LegacyVersionsAppliedAsync(connection, cancellationToken);
            var missing = LegacyVersions.Except(applied, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database was made by an old release and lacks its schema steps {string.Join(", ", missing)}. " +
                    "Start the release of 2026-11 on it once (it applies them), then this one.");
            }

            var history = context.GetService<IHistoryRepository>();
            var first = context.Database.GetMigrations().First();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await context.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), cancellationToken);
            await context.Database.ExecuteSqlRawAsync($"DROP TABLE \"{LegacyHistoryTable}\";", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Adopted a database made by hand-written migrations {Versions} as EF migration {Migration}", string.Join(", ", applied), first);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private async Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = options.Provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $table;"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table;";
        var parameter = command.CreateParameter();
        parameter.ParameterName = options.Provider == DatabaseProvider.Sqlite ? "$table" : "@table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static Task<List<string>> LegacyVersionsAppliedAsync(DbConnection connection, CancellationToken cancellationToken) =>
        TextColumnAsync(connection, $"SELECT \"Version\" FROM \"{LegacyHistoryTable}\" ORDER BY \"Version\";", cancellationToken);

    /// <summary>The values of the one text column <paramref name="sql"/> selects, in order.</summary>
    private static async Task<List<string>> TextColumnAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private void EnsureSqliteFolderExists()
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
