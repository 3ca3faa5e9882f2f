using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryTracker.Core.Auditing;

/// <summary>Stamps created/updated times and actors and bumps the concurrency version of every auditable entity.</summary>
public sealed class AuditingInterceptor(TimeProvider time, ICurrentActor actor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var name = (context as Data.IndustryTrackerDbContext)?.Actor ?? actor.Name;
        // Through the entry API: the context detects changes once, before its interceptors run (see
        // IndustryTrackerDbContext.SaveChangesAsync), so a stamp on a modified record must mark itself modified.
        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Property<DateTimeOffset>(nameof(IAuditable.CreatedAt)).CurrentValue = now;
                    entry.Property<string?>(nameof(IAuditable.CreatedBy)).CurrentValue ??= name;
                    entry.Property<DateTimeOffset>(nameof(IAuditable.UpdatedAt)).CurrentValue = now;
                    entry.Property<string?>(nameof(IAuditable.UpdatedBy)).CurrentValue ??= name;
                    entry.Property<int>(nameof(IAuditable.Version)).CurrentValue = 1;
                    break;
                case EntityState.Modified:
                    entry.Property<DateTimeOffset>(nameof(IAuditable.UpdatedAt)).CurrentValue = now;
                    entry.Property<string?>(nameof(IAuditable.UpdatedBy)).CurrentValue = name;
                    entry.Property<int>(nameof(IAuditable.Version)).CurrentValue = entry.Entity.Version + 1;
                    break;
            }
        }
    }
}
