using IndustryTracker.Core.Data;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Scale;

/// <summary>The plan a database gives for a recorded command, with its parameters: one line per plan node.</summary>
internal static class QueryPlans
{
    /// <summary>
    /// SQLite: the detail column of <c>EXPLAIN QUERY PLAN</c>; PostgreSQL: <c>EXPLAIN</c>, with sequential scans priced
    /// out when <paramref name="pricedOut"/> (test tables are small, so the planner would scan what it indexes at scale).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync(
        TestDatabase database, RecordedCommand recorded, bool pricedOut, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var postgres = database.Options.Provider == DatabaseProvider.Postgres;
        if (postgres && pricedOut)
        {
            await using var setting = connection.CreateCommand();
            setting.CommandText = "SET enable_seqscan = off";
            await setting.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + recorded.Sql;
        foreach (var parameter in recorded.Parameters)
        {
            var copy = command.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            copy.DbType = parameter.DbType;
            if (parameter is Npgsql.NpgsqlParameter source && copy is Npgsql.NpgsqlParameter target)
            {
                target.NpgsqlDbType = source.NpgsqlDbType;
            }
            command.Parameters.Add(copy);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(postgres ? 0 : 3));
        }
        return lines;
    }
}
