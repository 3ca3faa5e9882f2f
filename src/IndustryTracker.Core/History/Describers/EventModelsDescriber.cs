using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IndustryTracker.Core.History.Describers;

/// <summary>An event's models (<see cref="EventModel"/> rows), recorded as "models".</summary>
internal sealed class EventModelsDescriber : LinkDescriber<EventModel, TimelineEvent>
{
    public override string Field => "models";

    public override int OwnerId(EntityEntry link) => (int)link.Property(nameof(EventModel.EventId)).CurrentValue!;

    public override async Task<(List<string> Before, List<string> After)> ListsAsync(DbContext db, int ownerId, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var before = await db.Set<EventModel>().AsNoTracking().Where(l => l.EventId == ownerId).Select(l => l.AiModelId).ToListAsync(cancellationToken);
        var after = Apply(before, changed, e => (int)e.Property(nameof(EventModel.AiModelId)).CurrentValue!);
        var names = await RecordNames.ModelsAsync(db, [.. before, .. after], cancellationToken);
        return ([.. before.Select(id => names[id])], [.. after.Select(id => names[id])]);
    }
}
