using System.Data.Common;
using System.Text;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// Inserts many rows of one table inside the write's transaction, bypassing the change tracker: one INSERT of several
/// rows, prepared once and run again with the next rows' values, instead of one tracked entity and one statement per
/// row. For rows nothing else in the save refers to and that keep no history (an article's quotes and paragraphs).
/// Statements hold about <see cref="ParametersPerStatement"/> parameters: SQLite's driver looks each parameter up by
/// name, so a statement with thousands of them costs more than several small ones.
/// </summary>
internal static class RowInserter
{
    internal const int ParametersPerStatement = 200;

    public static async Task InsertAsync<T>(
        IndustryTrackerDbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"Rows of {table} are inserted inside the write's transaction.");
        var connection = db.Database.GetDbConnection();
        var rowsPerStatement = RowsPerStatement(columns.Count);
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                var command = count == rowsPerStatement ? full ??= Insert(connection, transaction, table, columns, count) : Insert(connection, transaction, table, columns, count);
                for (var row = 0; row < count; row++)
                {
                    var rowValues = values(rows[start + row]);
                    for (var column = 0; column < columns.Count; column++)
                    {
                        command.Parameters[(row * columns.Count) + column].Value = rowValues[column] ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    /// <summary>Rows in one INSERT: as many as fit in <see cref="ParametersPerStatement"/>, at least one.</summary>
    internal static int RowsPerStatement(int columns) => Math.Max(1, ParametersPerStatement / columns);

    /// <summary>An INSERT of <paramref name="rows"/> rows with its parameters, values to be set.</summary>
    private static DbCommand Insert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Count; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{row}_{column}";
                command.Parameters.Add(parameter);
                sql.Append(column == 0 ? parameter.ParameterName : ", " + parameter.ParameterName);
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(';').ToString();
        return command;
    }
}
