using Microsoft.Data.Sqlite;

namespace IndustryTracker.Tests.Support;

/// <summary>Reads a SQLite schema as comparable lines: tables, columns, keys, indexes and foreign keys, sorted.</summary>
public static class SqliteSchema
{
    public static async Task<IReadOnlyList<string>> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__SchemaVersions' ORDER BY name", cancellationToken);
        foreach (var row in tables)
        {
            var table = (string)row[0]!;
            lines.Add($"table {table}");
            foreach (var column in await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")", cancellationToken))
            {
                // cid, name, type, notnull, dflt_value, pk
                lines.Add($"column {table}.{column[1]} {column[2]} notnull={column[3]} default={column[4]} pk={column[5]}");
            }
            foreach (var index in await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")", cancellationToken))
            {
                // seq, name, unique, origin, partial
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index[1]}\")", cancellationToken);
                lines.Add($"index {table}.{index[1]} unique={index[2]} origin={index[3]} ({string.Join(",", columns.Select(c => c[2]))})");
            }
            foreach (var fk in await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")", cancellationToken))
            {
                // id, seq, table, from, to, on_update, on_delete, match
                lines.Add($"fk {table}.{fk[3]} -> {fk[2]}.{fk[4]} on_delete={fk[6]}");
            }
            var sql = await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'", cancellationToken);
            foreach (var check in ((string)sql[0][0]!).Split('\n').Where(l => l.Contains("CHECK", StringComparison.Ordinal)))
            {
                lines.Add($"check {table} {check.Trim().TrimEnd(',')}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<object?[]>> QueryAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
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
