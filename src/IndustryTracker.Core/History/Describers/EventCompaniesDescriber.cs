using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IndustryTracker.Core.History.Describers;

/// <summary>An event's companies (<see cref="EventCompany"/> rows), recorded as "companies".</summary>
internal sealed class EventCompaniesDescriber : LinkDescriber<EventCompany, TimelineEvent>
{
    public override string Field => "companies";

    public override bool MovedByMerges => true;

    public override int OwnerId(EntityEntry link) => (int)link.Property(nameof(EventCompany.EventId)).CurrentValue!;

    public override async Task<(List<string> Before, List<string> After)> ListsAsync(DbContext db, int ownerId, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var before = await db.Set<EventCompany>().AsNoTracking().Where(l => l.EventId == ownerId).Select(l => l.CompanyId).ToListAsync(cancellationToken);
        var after = Apply(before, changed, e => (int)e.Property(nameof(EventCompany.CompanyId)).CurrentValue!);
        var names = await RecordNames.CompaniesAsync(db, [.. before, .. after], cancellationToken);
        return ([.. before.Select(id => names[id])], [.. after.Select(id => names[id])]);
    }
}
