using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.History.Describers;

internal sealed class EventDescriber : RecordDescriber<TimelineEvent>
{
    public override string EntityType => HistoryEntities.Event;

    protected override string Describe(TimelineEvent record) => record.Title;
}
