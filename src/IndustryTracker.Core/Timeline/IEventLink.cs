namespace IndustryTracker.Core.Timeline;

/// <summary>A row linking an event to a company or a model, with the copy of the event's dates the database keeps on it.</summary>
public interface IEventLink
{
    /// <summary>The event's first possible day, copied by the database (migration EventLinkDates); never set by the app.</summary>
    DateOnly? EventStart { get; }

    /// <summary>The event's last possible day, copied by the database (migration EventLinkDates); never set by the app.</summary>
    DateOnly? EventEnd { get; }
}
