namespace IndustryTracker.Core.Timeline;

/// <summary>A row of the "EventCompanies" join table: a company involved in an event (<see cref="TimelineEvent.Companies"/>).</summary>
public sealed class EventCompany : IEventLink
{
    private EventCompany()
    {
    }

    public EventCompany(int eventId, int companyId)
    {
        EventId = eventId;
        CompanyId = companyId;
    }

    public int EventId { get; private set; }
    public int CompanyId { get; private set; }

    /// <summary>
    /// The event's date range, copied here by the database (triggers of migration EventLinkDates, on insert and on
    /// every change of the event's dates) so that a date window is read from this table's index; never set by the app.
    /// </summary>
    public DateOnly? EventStart { get; private set; }

    /// <inheritdoc cref="EventStart"/>
    public DateOnly? EventEnd { get; private set; }
}
