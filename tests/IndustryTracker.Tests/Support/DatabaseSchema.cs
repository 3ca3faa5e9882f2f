using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Support;

/// <summary>
/// A database's schema as sorted, comparable lines — tables, columns (type, nullability, default), primary keys,
/// indexes, foreign keys and check constraints — read from the catalog of SQLite or PostgreSQL. The full-text search
/// table "EventSearch" (and SQLite's FTS5 shadow tables), with the two tables that defer its refresh during an import
/// ("EventSearchDeferrals", "EventSearchStale"), is left out: it is maintained by SQL triggers, not the EF model
/// (created by SQL in migrations; its own tests are in Queries/EventSearchAndFacetsTests and SearchDeferralTests).
/// </summary>
public static class DatabaseSchema
{
    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var lines = database.Options.Provider == DatabaseProvider.Sqlite
            ? await ReadSqliteAsync(connection)
            : await ReadPostgresAsync(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> ReadSqliteAsync(System.Data.Common.DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var row in await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__SchemaVersions', '__EFMigrationsHistory', '__EFMigrationsLock') AND name NOT LIKE 'EventSearch%' ORDER BY name"))
        {
            var table = (string)row[0]!;
            lines.Add($"table {table}");
            foreach (var column in await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")"))
            {
                lines.Add($"column {table}.{column[1]} {column[2]} notnull={column[3]} default={column[4]} pk={column[5]}");
            }
            foreach (var index in await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index[1]}\")");
                lines.Add($"index {table}.{index[1]} unique={index[2]} origin={index[3]} ({string.Join(",", columns.Select(c => c[2]))})");
            }
            foreach (var fk in await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")"))
            {
                lines.Add($"fk {table}.{fk[3]} -> {fk[2]}.{fk[4]} on_delete={fk[6]}");
            }
            foreach (var check in ((string)row[1]!).Split('\n').Where(l => l.Contains("CHECK", StringComparison.Ordinal)))
            {
                lines.Add($"check {table} {check.Trim().TrimEnd(',')}");
            }
        }
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(System.Data.Common.DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var row in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default, is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ('__SchemaVersions', '__EFMigrationsHistory', '__EFMigrationsLock', 'EventSearch', 'EventSearchDeferrals', 'EventSearchStale')
            """))
        {
            lines.Add($"column {row[0]}.{row[1]} {row[2]}({row[3]},{row[4]},{row[5]}) nullable={row[6]} default={row[7]} identity={row[8]}");
        }
        foreach (var row in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ('__SchemaVersions', '__EFMigrationsHistory', '__EFMigrationsLock', 'EventSearch', 'EventSearchDeferrals', 'EventSearchStale')"))
        {
            lines.Add($"index {row[0]}.{row[1]} {row[2]}");
        }
        foreach (var row in await QueryAsync(connection, """
            SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = 'public' AND rel.relname NOT IN ('__SchemaVersions', '__EFMigrationsHistory', '__EFMigrationsLock', 'EventSearch', 'EventSearchDeferrals', 'EventSearchStale')
            """))
        {
            lines.Add($"constraint {row[0]}.{row[1]} {row[2]}");
        }
        return lines;
    }

    private static async Task<List<object?[]>> QueryAsync(System.Data.Common.DbConnection connection, string sql)
    {
        var rows = new List<object?[]>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
