namespace IndustryTracker.Core.Dates;

/// <summary>
/// A date as a source wrote it ("Mid-February, 2025") together with the inclusive day range it denotes and how
/// precise it is. Filters select by range overlap, so an event dated "February 2025" matches a 1–10 February filter.
/// </summary>
public sealed record FuzzyDate
{
    public FuzzyDate(string label, DateOnly start, DateOnly end, DatePrecision precision)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (end < start)
        {
            throw new ArgumentException($"A date range cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end));
        }

        Label = label.Trim();
        Start = start;
        End = end;
        Precision = precision;
    }

    /// <summary>The date as written in the source, e.g. "Feb. 16, 2025".</summary>
    public string Label { get; private init; }

    /// <summary>First day of the range, inclusive.</summary>
    public DateOnly Start { get; private init; }

    /// <summary>Last day of the range, inclusive.</summary>
    public DateOnly End { get; private init; }

    public DatePrecision Precision { get; private init; }

    public static FuzzyDate Day(DateOnly day, string? label = null) =>
        new(label ?? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), day, day, DatePrecision.Day);

    /// <summary>True when this range shares at least one day with [from, to]; open bounds are unbounded.</summary>
    public bool Overlaps(DateOnly? from, DateOnly? to) =>
        (from is null || End >= from) && (to is null || Start <= to);

    public override string ToString() => Label;
}
