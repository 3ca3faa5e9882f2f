using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IndustryTracker.Core.Data;

/// <summary>
/// Hands out pooled contexts: disposing one returns it to the pool, and EF Core resets its own state then (tracked
/// entities, tracking behaviour, transactions, the connection). What this app adds to a context for one unit of work
/// (the actor it acts for, how its saves are recorded in history) starts afresh on every context handed out.
/// </summary>
internal sealed class ContextPool(DbContextOptions<IndustryTrackerDbContext> options) : IDbContextFactory<IndustryTrackerDbContext>
{
    private readonly PooledDbContextFactory<IndustryTrackerDbContext> _pool = new(options);

    public IndustryTrackerDbContext CreateDbContext() => _pool.CreateDbContext().StartUnitOfWork();

    public async Task<IndustryTrackerDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        (await _pool.CreateDbContextAsync(cancellationToken)).StartUnitOfWork();
}
