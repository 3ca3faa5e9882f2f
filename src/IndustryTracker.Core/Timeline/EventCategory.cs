namespace IndustryTracker.Core.Timeline;

public enum EventCategory
{
    ProductLaunch,
    IntegrationAdoption,
    Investment,
    Partnership,
    Hiring,
    PolicyRegulation,
    Market,
    Infrastructure,
    Other,
}

public enum EventOrigin
{
    Import,
    Editor,
}
