using IndustryTracker.Core.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IndustryTracker.Core.History.Describers;

/// <summary>A company's aliases, recorded as "aliases".</summary>
internal sealed class CompanyAliasesDescriber : LinkDescriber<CompanyAlias, Company>
{
    public override string Field => "aliases";

    public override int OwnerId(EntityEntry link) =>
        (int)(link.State == EntityState.Added
            ? link.Property(nameof(CompanyAlias.CompanyId)).CurrentValue
            : link.Property(nameof(CompanyAlias.CompanyId)).OriginalValue)!;

    public override async Task<(List<string> Before, List<string> After)> ListsAsync(DbContext db, int ownerId, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var before = await db.Set<CompanyAlias>().AsNoTracking().Where(a => a.CompanyId == ownerId).Select(a => a.Name).ToListAsync(cancellationToken);
        var removed = changed.Where(e => e.State == EntityState.Deleted).Select(e => ((CompanyAlias)e.Entity).Name);
        var added = changed.Where(e => e.State == EntityState.Added).Select(e => ((CompanyAlias)e.Entity).Name);
        return (before, [.. before.Except(removed).Concat(added).Distinct()]);
    }
}
