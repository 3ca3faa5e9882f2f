using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IndustryTracker.Core.Dates;

/// <summary>The outcome of parsing a date label: a date, or a message saying why the text is not one.</summary>
public sealed record FuzzyDateParseResult(FuzzyDate? Date, string? Error)
{
    [MemberNotNullWhen(true, nameof(Date))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Date is not null;

    public static FuzzyDateParseResult Ok(FuzzyDate date) => new(date, null);

    public static FuzzyDateParseResult Fail(string error) => new(null, error);
}

/// <summary>
/// Parses the date labels that news articles write: "Feb. 16, 2025", "16 February 2025", "2025-02-16" (day);
/// "February, 2025", "2025-02" (month); "Mid-February, 2025" (part of month: early 1–10, mid 11–20, late 21–end);
/// "Q1 2025"; "H1 2025", "first half of 2025"; "2025"; "early 2025" (approximate third of a year);
/// "Lunar New Year, 2025" and "On or After &lt;date&gt;" (from that date to the end of its year, approximate).
/// The label is kept exactly as written. Impossible dates ("Feb. 30, 2025") fail with a message; nothing throws.
/// A label without a year takes the year of <c>context</c> when one is given.
/// </summary>
public static partial class FuzzyDateParser
{
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    private const string MonthPattern =
        "(?<month>january|february|march|april|may|june|july|august|september|october|november|december|" +
        "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out FuzzyDate? date, DateOnly? context = null)
    {
        var result = Parse(text, context);
        date = result.Date;
        return result.Success;
    }

    public static FuzzyDateParseResult Parse(string? text, DateOnly? context = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FuzzyDateParseResult.Fail("The date is empty.");
        }
        var label = text.Trim();
        if (label.Length > 100)
        {
            return FuzzyDateParseResult.Fail($"'{Shorten(label)}' is too long to be a date.");
        }
        var range = ParseRange(Normalize(label), label, context);
        return range.Error is { } error
            ? FuzzyDateParseResult.Fail(error)
            : FuzzyDateParseResult.Ok(new FuzzyDate(label, range.Start, range.End, range.Precision));
    }

    private readonly record struct Range(DateOnly Start, DateOnly End, DatePrecision Precision, string? Error = null)
    {
        public static Range Fail(string error) => new(default, default, default, error);
    }

    private static Range ParseRange(string s, string label, DateOnly? context)
    {
        Match m;

        if ((m = RelativeRegex().Match(s)).Success)
        {
            var inner = ParseRange(m.Groups["rest"].Value, label, context);
            if (inner.Error is not null)
            {
                return inner;
            }
            var yearEnd = new DateOnly(inner.Start.Year, 12, 31);
            return m.Groups["rel"].Value switch
            {
                "on or after" => new(inner.Start, yearEnd, DatePrecision.Approximate),
                "after" => inner.End < yearEnd ? new(inner.End.AddDays(1), yearEnd, DatePrecision.Approximate) : new(inner.End, inner.End, DatePrecision.Approximate),
                "on or before" => new(new DateOnly(inner.End.Year, 1, 1), inner.End, DatePrecision.Approximate),
                _ => inner.Start.DayOfYear > 1
                    ? new(new DateOnly(inner.Start.Year, 1, 1), inner.Start.AddDays(-1), DatePrecision.Approximate)
                    : new(inner.Start, inner.Start, DatePrecision.Approximate),
            };
        }

        if ((m = LunarNewYearRegex().Match(s)).Success)
        {
            var year = Year(m, context, label, out var error);
            if (error is not null)
            {
                return Range.Fail(error);
            }
            return LunarNewYear.TryGet(year, out var day)
                ? new(day, day, DatePrecision.Day)
                : Range.Fail($"'{label}': the Lunar New Year date of {year} is not known (the table covers {LunarNewYear.FirstYear}–{LunarNewYear.LastYear}).");
        }

        if ((m = IsoDayRegex().Match(s)).Success)
        {
            return Day(Int(m, "year"), Int(m, "month"), Int(m, "day"), label);
        }

        if ((m = IsoMonthRegex().Match(s)).Success)
        {
            return MonthRange(Int(m, "year"), Int(m, "month"), label);
        }

        if ((m = MonthDayYearRegex().Match(s)).Success || (m = DayMonthYearRegex().Match(s)).Success)
        {
            var year = Year(m, context, label, out var error);
            return error is null ? Day(year, Month(m), Int(m, "day"), label) : Range.Fail(error);
        }

        if ((m = PartOfMonthRegex().Match(s)).Success)
        {
            var year = Year(m, context, label, out var error);
            if (error is not null)
            {
                return Range.Fail(error);
            }
            var month = Month(m);
            var last = DateTime.DaysInMonth(year, month);
            var (from, to) = m.Groups["part"].Value switch
            {
                "early" or "beginning of" or "start of" => (1, 10),
                "mid" or "middle of" or "mid of" => (11, 20),
                _ => (21, last),
            };
            return new(new DateOnly(year, month, from), new DateOnly(year, month, to), DatePrecision.PartOfMonth);
        }

        if ((m = MonthYearRegex().Match(s)).Success)
        {
            var year = Year(m, context, label, out var error);
            return error is null ? MonthRange(year, Month(m), label) : Range.Fail(error);
        }

        if ((m = QuarterRegex().Match(s)).Success || (m = QuarterWordsRegex().Match(s)).Success)
        {
            var year = Year(m, context, label, out var error);
            if (error is not null)
            {
                return Range.Fail(error);
            }
            var quarter = m.Groups["q"].Success ? Int(m, "q") : Ordinals[m.Groups["ord"].Value];
            var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            return new(start, start.AddMonths(3).AddDays(-1), DatePrecision.Quarter);
        }

        if ((m = HalfRegex().Match(s)).Success || (m = HalfWordsRegex().Match(s)).Success)
        {
            var year = Year(m, context, label, out var error);
            if (error is not null)
            {
                return Range.Fail(error);
            }
            var half = m.Groups["h"].Success ? Int(m, "h") : Ordinals[m.Groups["ord"].Value];
            return half == 1
                ? new(new DateOnly(year, 1, 1), new DateOnly(year, 6, 30), DatePrecision.HalfYear)
                : new(new DateOnly(year, 7, 1), new DateOnly(year, 12, 31), DatePrecision.HalfYear);
        }

        if ((m = PartOfYearRegex().Match(s)).Success)
        {
            var year = Year(m, context, label, out var error);
            if (error is not null)
            {
                return Range.Fail(error);
            }
            return m.Groups["part"].Value switch
            {
                "early" => new(new DateOnly(year, 1, 1), new DateOnly(year, 4, 30), DatePrecision.Approximate),
                "mid" => new(new DateOnly(year, 5, 1), new DateOnly(year, 8, 31), DatePrecision.Approximate),
                _ => new(new DateOnly(year, 9, 1), new DateOnly(year, 12, 31), DatePrecision.Approximate),
            };
        }

        if ((m = YearRegex().Match(s)).Success)
        {
            var year = Year(m, context, label, out var error);
            return error is null ? new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year) : Range.Fail(error);
        }

        return Range.Fail($"'{Shorten(label)}' is not a date this importer understands (e.g. \"Feb. 16, 2025\", \"Mid-February, 2025\", \"Q1 2025\").");
    }

    private static string Normalize(string label)
    {
        var s = label.ToLowerInvariant()
            .Replace('\u2013', '-')
            .Replace('\u2014', '-')
            .Replace('\u00a0', ' ');
        s = WhitespaceRegex().Replace(s, " ").Trim().TrimEnd(':', ';', ',').Trim();
        s = LeadingWordsRegex().Replace(s, string.Empty);
        return s;
    }

    private static Range Day(int year, int month, int day, string label)
    {
        if (year is < MinYear or > MaxYear)
        {
            return Range.Fail($"'{label}': the year {year} is out of range ({MinYear}–{MaxYear}).");
        }
        if (month is < 1 or > 12)
        {
            return Range.Fail($"'{label}': there is no month {month}.");
        }
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            return Range.Fail($"'{label}' is not a real date: {monthName} {year} has {days} days, not day {day}.");
        }
        var date = new DateOnly(year, month, day);
        return new(date, date, DatePrecision.Day);
    }

    private static Range MonthRange(int year, int month, string label)
    {
        if (year is < MinYear or > MaxYear)
        {
            return Range.Fail($"'{label}': the year {year} is out of range ({MinYear}–{MaxYear}).");
        }
        if (month is < 1 or > 12)
        {
            return Range.Fail($"'{label}': there is no month {month}.");
        }
        var start = new DateOnly(year, month, 1);
        return new(start, start.AddMonths(1).AddDays(-1), DatePrecision.Month);
    }

    private static int Year(Match m, DateOnly? context, string label, out string? error)
    {
        error = null;
        if (m.Groups["year"].Success)
        {
            var year = Int(m, "year");
            if (year is < MinYear or > MaxYear)
            {
                error = $"'{label}': the year {year} is out of range ({MinYear}–{MaxYear}).";
            }
            return year;
        }
        if (context is { } known)
        {
            return known.Year;
        }
        error = $"'{label}' has no year and no context date to take one from.";
        return 0;
    }

    private static int Month(Match m)
    {
        var name = m.Groups["month"].Value;
        return Months.TryGetValue(name, out var month) ? month : Months[name[..3]];
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"^(?:(?:in|during|on|around|the)\s+(?!or\b))+")]
    private static partial Regex LeadingWordsRegex();

    [GeneratedRegex(@"^(?<rel>on or after|on or before|after|before)\s+(?<rest>.+)$")]
    private static partial Regex RelativeRegex();

    [GeneratedRegex(@"^(?:the\s+)?(?:lunar new year|chinese new year|spring festival)(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex LunarNewYearRegex();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})$")]
    private static partial Regex IsoDayRegex();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{1,2})$")]
    private static partial Regex IsoMonthRegex();

    [GeneratedRegex(@"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?" + MonthPattern + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex MonthDayYearRegex();

    [GeneratedRegex(@"^(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthPattern + @"(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex DayMonthYearRegex();

    [GeneratedRegex(@"^(?<part>early|mid|middle of|mid of|late|end of|beginning of|start of)(?:-|\s+)" + MonthPattern + @"(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex PartOfMonthRegex();

    [GeneratedRegex(@"^" + MonthPattern + @"(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex MonthYearRegex();

    [GeneratedRegex(@"^(?:q(?<q>[1-4])(?:,?\s+|-|\s*)(?<year>\d{4})?|(?<year>\d{4})(?:,?\s+|-)q(?<q>[1-4]))$")]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"^(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:(?:,|\s+of)?\s+(?<year>\d{4}))?$")]
    private static partial Regex QuarterWordsRegex();

    [GeneratedRegex(@"^(?:h(?<h>[12])(?:,?\s+|-|\s*)(?<year>\d{4})?|(?<year>\d{4})(?:,?\s+|-)h(?<h>[12]))$")]
    private static partial Regex HalfRegex();

    [GeneratedRegex(@"^(?<ord>first|second|1st|2nd)\s+half(?:(?:,|\s+of)?\s+(?<year>\d{4}))?$")]
    private static partial Regex HalfWordsRegex();

    [GeneratedRegex(@"^(?<part>early|mid|late)(?:-|\s+)(?<year>\d{4})$")]
    private static partial Regex PartOfYearRegex();

    [GeneratedRegex(@"^(?<year>\d{4})$")]
    private static partial Regex YearRegex();
}
