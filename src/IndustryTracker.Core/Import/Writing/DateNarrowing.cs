using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.Import.Writing;

internal static class DateNarrowing
{
    /// <summary>True when <paramref name="date"/> lies within <paramref name="than"/> and is shorter: "May 2023" narrows "2023".</summary>
    public static bool Narrows(FuzzyDate date, FuzzyDate than) =>
        date.Start >= than.Start && date.End <= than.End && date.End.DayNumber - date.Start.DayNumber < than.End.DayNumber - than.Start.DayNumber;
}
