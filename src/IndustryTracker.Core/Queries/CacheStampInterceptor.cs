using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Adds a new <see cref="CacheStamp"/> value to every save that writes anything, so it commits (or rolls back) with
/// the data. Registered last, after the auditing and history interceptors, which leave the stamp alone.
/// Writes outside SaveChanges (ExecuteUpdate, raw SQL) are not stamped: the app's only such writes (company merge,
/// article retraction) run in a transaction that also saves tracked changes; any other is seen after
/// <see cref="QueryCache.TimeToLive"/>.
/// </summary>
public sealed class CacheStampInterceptor : SaveChangesInterceptor
{
    public static readonly CacheStampInterceptor Instance = new();

    private CacheStampInterceptor()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is not Data.IndustryTrackerDbContext db
            || !db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not CacheStamp))
        {
            return;
        }
        var entry = db.ChangeTracker.Entries<CacheStamp>().FirstOrDefault(e => e.Entity.Id == CacheStamp.SharedId)
            ?? db.CacheStamps.Attach(new CacheStamp { Id = CacheStamp.SharedId });
        entry.Entity.Value = Random.Shared.NextInt64(1, long.MaxValue);
        entry.Property(s => s.Value).IsModified = true;
    }
}
