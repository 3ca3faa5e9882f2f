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

    private static async Task<List<string>> LegacyVersionsAppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var versions = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Version\" FROM \"{LegacyHistoryTable}\" ORDER BY \"Version\";";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetString(0));
        }
        return versions;
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
