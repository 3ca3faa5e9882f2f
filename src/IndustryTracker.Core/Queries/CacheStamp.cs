using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// The one row of "CacheStamps": a value every save through the app changes (<see cref="CacheStampInterceptor"/>), in
/// the same transaction as the data. A web instance reads it (one primary-key lookup) before it serves a cached count
/// or facet and drops its <see cref="QueryCache"/> when it differs from the value it last saw, so a write through one
/// instance is seen by every other at once. The value is random rather than a counter: two concurrent saves never
/// write the same value, so no reader can mistake the second write for the first.
/// </summary>
public sealed class CacheStamp
{
    /// <summary>The key of the only row (inserted by the SharedState migration).</summary>
    public const int SharedId = 1;

    public int Id { get; set; }

    public long Value { get; set; }

    /// <summary>The row <see cref="SharedId"/>; the same SQL on SQLite and PostgreSQL (the table and its columns are created with these quoted names).</summary>
    private const string ReadSql = "SELECT \"Value\" FROM \"CacheStamps\" WHERE \"Id\" = 1";

    /// <summary>The current value (0 on a database that has no row yet).</summary>
    /// <remarks>
    /// Read on every cached read (a timeline page makes three), so it is one relational command rather than a LINQ query:
    /// EF's LINQ path (parameter extraction, the compiled-query cache lookup and a new delegate per execution) was 6 % of
    /// a timeline page's CPU under load (docs/benchmarks.md). The command still goes through EF's connection handling,
    /// interceptors and logging, as <c>ExecuteSqlRawAsync</c> does.
    /// </remarks>
    public static async Task<long> ReadAsync(Data.IndustryTrackerDbContext db, CancellationToken cancellationToken)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(ReadSql);
        var parameters = new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), null, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>());
        var value = await command.ExecuteScalarAsync(parameters, cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
