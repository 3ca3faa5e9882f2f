namespace IndustryTracker.Core.Timeline;

/// <summary>A row of the "EventModels" join table: an AI model an event is about (<see cref="TimelineEvent.Models"/>).</summary>
public sealed class EventModel
{
    private EventModel()
    {
    }

    public EventModel(int eventId, int aiModelId)
    {
        EventId = eventId;
        AiModelId = aiModelId;
    }

    public int EventId { get; private set; }
    public int AiModelId { get; private set; }
}
