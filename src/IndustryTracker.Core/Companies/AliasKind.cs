namespace IndustryTracker.Core.Companies;

public enum AliasKind
{
    Alias,
    Abbreviation,
    Former,
}
