using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.Data.Migrations;

/// <summary>
/// Creates or upgrades the database by applying pending <see cref="SchemaMigration"/>s, each in its own transaction.
/// Databases are never deleted. See docs/adr/0003-hand-written-migrations.md.
/// </summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<IndustryTrackerDbContext> contextFactory,
    DatabaseOptions options,
    TimeProvider time,
    ILogger<DatabaseMigrator> logger)
{
    internal const string VersionTable = "__SchemaVersions";

    /// <summary>Applies every shipped migration not yet applied; returns the versions applied now.</summary>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(SchemaMigrations.For(options.Provider), cancellationToken);

    public async Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken = default)
    {
        EnsureSqliteFolderExists();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);

        await ExecuteAsync(connection, null, $"CREATE TABLE IF NOT EXISTS \"{VersionTable}\" (\"Version\" varchar(100) NOT NULL PRIMARY KEY, \"AppliedAt\" varchar(40) NOT NULL);", cancellationToken);
        var applied = await AppliedVersionsAsync(connection, cancellationToken);
        var appliedNow = new List<string>();

        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version, StringComparer.Ordinal))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = $"INSERT INTO \"{VersionTable}\" (\"Version\", \"AppliedAt\") VALUES (@version, @appliedAt);";
                AddParameter(record, "@version", migration.Version);
                AddParameter(record, "@appliedAt", time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            appliedNow.Add(migration.Version);
            logger.LogInformation("Applied schema migration {Version}", migration.Version);
        }

        return appliedNow;
    }

    /// <summary>The versions already applied to the database, in order.</summary>
    public async Task<IReadOnlyList<string>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        return [.. (await AppliedVersionsAsync(connection, cancellationToken)).Order(StringComparer.Ordinal)];
    }

    private static async Task<HashSet<string>> AppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Version\" FROM \"{VersionTable}\";";
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No version table yet: nothing applied.
        }
        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
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
