namespace IndustryTracker.Core.Timeline;

/// <summary>A row of the "EventModels" join table: an AI model an event is about (<see cref="TimelineEvent.Models"/>).</summary>
public sealed class EventModel : IEventLink
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

    /// <summary>
    /// The event's date range, copied here by the database (triggers of migration EventLinkDates, on insert and on
    /// every change of the event's dates) so that a date window is read from this table's index; never set by the app.
    /// </summary>
    public DateOnly? EventStart { get; private set; }

    /// <inheritdoc cref="EventStart"/>
    public DateOnly? EventEnd { get; private set; }
}
