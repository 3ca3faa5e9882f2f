using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IndustryTracker.Core.Data;

/// <summary>
/// Inserts entities of one type as rows, inside the current transaction and without the change tracker: several rows
/// per INSERT, every column the model maps except a key the database generates. Each value goes through the
/// property's own EF Core type mapping (a Guid, a date with its offset, an enum stored as text are written exactly as
/// a tracked insert writes them), so the rows read back like any other. For many rows nothing in the same save refers
/// to, such as history entries; as many rows per statement as <see cref="Import.Writing.RowInserter"/> puts in one.
/// </summary>
internal static class EntityRows
{
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"Rows of {typeof(T).Name} are inserted inside a transaction.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var columns = entityType.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
        if (columns.Find(p => p.PropertyInfo is null) is { } shadow)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} has no CLR property to read; its rows are saved through the change tracker.");
        }
        var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToList();
        var header = new StringBuilder("INSERT INTO \"").Append(entityType.GetTableName()).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c.GetColumnName()}\"")).Append(") VALUES ").ToString();
        var rowsPerStatement = Import.Writing.RowInserter.RowsPerStatement(columns.Count);
        var connection = db.Database.GetDbConnection();
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(header);
            for (var row = start; row < Math.Min(rows.Count, start + rowsPerStatement); row++)
            {
                sql.Append(row == start ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var name = $"@p{row - start}_{column}";
                    var value = columns[column].PropertyInfo!.GetValue(rows[row]);
                    command.Parameters.Add(mappings[column].CreateParameter(command, name, value, columns[column].IsNullable));
                    sql.Append(column == 0 ? name : ", " + name);
                }
                sql.Append(')');
            }
            command.CommandText = sql.Append(';').ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
