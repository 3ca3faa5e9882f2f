namespace IndustryTracker.Core.Timeline;

/// <summary>A row of the "EventCompanies" join table: a company involved in an event (<see cref="TimelineEvent.Companies"/>).</summary>
public sealed class EventCompany
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
}
