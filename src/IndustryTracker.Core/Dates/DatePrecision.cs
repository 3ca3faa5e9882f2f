namespace IndustryTracker.Core.Dates;

/// <summary>How precisely a <see cref="FuzzyDate"/> pins its moment, from a single day to an approximation.</summary>
public enum DatePrecision
{
    Day,
    PartOfMonth,
    Month,
    Quarter,
    HalfYear,
    Year,
    Approximate,
}
