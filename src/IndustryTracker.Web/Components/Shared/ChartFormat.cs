using System.Globalization;

namespace IndustryTracker.Web.Components.Shared;

/// <summary>Numbers and months as a chart's axis shows them to people: "$52B", "¥380B", "Feb 2025".</summary>
public static class ChartFormat
{
    private static readonly (double Size, string Suffix)[] Scales = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")];

    /// <summary>
    /// A short amount: the largest scale (thousand, million, billion, trillion) that fits, at most one decimal, no
    /// trailing ".0": 52_060_000_000 → "$52.1B", 380e9 with "¥" → "¥380B", 0 → "$0", -2.5e6 → "-$2.5M".
    /// </summary>
    public static string Compact(double value, string symbol = "$")
    {
        var sign = value < 0 ? "-" : string.Empty;
        var size = Math.Abs(value);
        foreach (var (scale, suffix) in Scales)
        {
            // 999,950 rounds to "1,000K": show it as "1M" instead.
            if (Math.Round(size / scale, 1) >= 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{sign}{symbol}{size / scale:0.#}{suffix}");
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{symbol}{size:0.#}");
    }

    /// <summary>The exact amount for a tooltip: "US$52,060,000,000".</summary>
    public static string ExactUsd(double value) => string.Create(CultureInfo.InvariantCulture, $"US${value:N0}");

    /// <summary>A tooltip's amount: short, then exact: "$52.1B · US$52,060,000,000".</summary>
    public static string UsdTooltip(double value) => $"{Compact(value)} · {ExactUsd(value)}";

    /// <summary>An exact number for a tooltip: "1,234" (up to three decimals when it has them).</summary>
    public static string Exact(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>A count on an axis: whole numbers only ("3"), nothing for the fractional ticks a chart may add.</summary>
    public static string Count(double value) =>
        Math.Abs(value - Math.Round(value)) < 1e-9 ? Math.Round(value).ToString("N0", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>
    /// A round spacing for about <paramref name="ticks"/> axis ticks up to <paramref name="max"/>: 1, 2 or 5 times a
    /// power of ten, at least 1 (the chart counts ticks in whole units): 52,060 → 10,000; 7 → 2; 0 → 1.
    /// </summary>
    public static int TickStep(double max, int ticks = 5)
    {
        if (!(max > 0) || ticks < 1)
        {
            return 1;
        }
        var raw = max / ticks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * power).First(s => s >= raw);
        return (int)Math.Clamp(Math.Round(step), 1, int.MaxValue);
    }

    /// <summary>"2025-02" → "Feb 2025"; anything else (a year, "Undated") is returned as it is.</summary>
    public static string Month(string yearMonth) =>
        DateOnly.TryParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("MMM yyyy", CultureInfo.InvariantCulture)
            : yearMonth;
}
