using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Runs a few queries in a row on one connection: EF Core would take one from the pool and give it back around each.
/// For short reads only, where nothing but their queries is awaited: held across other awaits (a cached load, a whole
/// request), every request in flight keeps a pooled connection and its page cache (see docs/benchmarks.md).
/// </summary>
internal static class OneConnection
{
    public static async Task<T> ReadAsync<T>(IndustryTrackerDbContext db, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // EF Core counts opens: a caller's open connection stays open
        try
        {
            return await read();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
