using Microsoft.EntityFrameworkCore;

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

    /// <summary>The current value (0 on a database that has no row yet).</summary>
    public static Task<long> ReadAsync(Data.IndustryTrackerDbContext db, CancellationToken cancellationToken) =>
        db.CacheStamps.AsNoTracking().Where(s => s.Id == SharedId).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
}
