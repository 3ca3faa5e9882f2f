using System.Text.RegularExpressions;

namespace IndustryTracker.Core.Dates;

/// <summary>How a date in prose is anchored: the text gives its year, takes it from context, or is relative.</summary>
public enum ProseDateKind
{
    /// <summary>The text states the year: "January 20, 2025", "May 2023", "late 2022", "in 2022".</summary>
    Explicit,

    /// <summary>Month or day without a year: "late January", "on March 16", "in March", "the Lunar New Year".</summary>
    Partial,

    /// <summary>Relative to when the article was written: "last month", "last week", "earlier this month".</summary>
    Relative,

    /// <summary>Relative to a date the text stated before: "a day later", "the following week", "within a week"
    /// (<see cref="AnchoredDates"/>).</summary>
    Anchored,
}

/// <summary>A date expression found in a sentence, before it is resolved against the article's dates.</summary>
public sealed record ProseDateMatch(int Index, int Length, string Text, ProseDateKind Kind, string Label, string? Preceding)
{
    public int End => Index + Length;
}

/// <summary>
/// The article's own dates that partial and relative dates are resolved against. <see cref="Year"/> completes a
/// partial date; <see cref="From"/>..<see cref="To"/> is when the article was written as far as it can be known
/// (a stated publication day, or the range of the latest past date it mentions). <see cref="IsPublished"/> is true
/// when the text states its publication date, which pins relative dates.
/// </summary>
public sealed record DateReference(int Year, DateOnly From, DateOnly To, bool IsPublished);

/// <summary>
/// The date grammar for running text. Finds dated expressions in a sentence and resolves them:
/// explicit dates keep the precision of <see cref="FuzzyDateParser"/>; a partial date takes the reference year and
/// is <see cref="DatePrecision.Approximate"/> (its year is inferred); a relative date ("last month") is computed from
/// the reference and is approximate unless the publication date is stated and the unit is a calendar month or year.
/// Without a reference, partial and relative dates are not resolved (null), never guessed.
/// "Since 2015" / "since the 2010s" (a state, not an event) and "between 2014 and 2023" (a span of statistics) are
/// not event dates and are not returned.
/// </summary>
public static partial class ProseDates
{
    private const string Month =
        "(?:January|February|March|April|May|June|July|August|September|October|November|December|" +
        "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";

    private const string Year = "(?:19|20)\\d{2}(?![\\d%])";

    private static readonly (Regex Regex, ProseDateKind Kind)[] Patterns =
    [
        (FullDayRegex(), ProseDateKind.Explicit),
        (DayMonthYearRegex(), ProseDateKind.Explicit),
        (PartOfMonthRegex(), ProseDateKind.Partial),
        (MonthYearRegex(), ProseDateKind.Explicit),
        (PartOfYearRegex(), ProseDateKind.Explicit),
        (HalfOrQuarterRegex(), ProseDateKind.Explicit),
        (MonthDayRegex(), ProseDateKind.Partial),
        (LunarNewYearRegex(), ProseDateKind.Partial),
        (PrepositionMonthRegex(), ProseDateKind.Partial),
        (PossessiveMonthRegex(), ProseDateKind.Partial),
        (PrepositionYearRegex(), ProseDateKind.Explicit),
        (PartOfRelativeMonthRegex(), ProseDateKind.Relative),
        (RelativeQuarterRegex(), ProseDateKind.Relative),
        (WeekdayRegex(), ProseDateKind.Relative),
        (RelativeRegex(), ProseDateKind.Relative),
    ];

    /// <summary>Date expressions in <paramref name="sentence"/>, in order and without overlaps (longest first).</summary>
    public static IReadOnlyList<ProseDateMatch> Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var found = new List<ProseDateMatch>();
        foreach (var (regex, kind) in Patterns)
        {
            for (var m = regex.Match(sentence); m.Success; m = m.NextMatch())
            {
                var date = m.Groups["d"];
                var label = m.Groups["label"].Success ? m.Groups["label"].Value : date.Value;
                var actual = kind == ProseDateKind.Partial && YearInTextRegex().IsMatch(date.Value) ? ProseDateKind.Explicit : kind;
                found.Add(new ProseDateMatch(date.Index, date.Length, date.Value, actual, label.Trim(), PrecedingWord(sentence, date.Index)));
            }
        }
        found.AddRange(AnchoredDates.Find(sentence));
        var result = new List<ProseDateMatch>();
        foreach (var match in found.OrderBy(f => f.Index).ThenByDescending(f => f.Length))
        {
            if (result.Count > 0 && match.Index < result[^1].End)
            {
                continue;
            }
            if (match.Preceding is "since" or "between" || (match.Preceding == "and" && IsBetween(sentence, match.Index)))
            {
                continue;
            }
            result.Add(match);
        }
        return result;
    }

    /// <summary>
    /// The day range of <paramref name="match"/>: explicit dates as written; partial and relative ones against
    /// <paramref name="reference"/> (null when there is none, or when the text is not a real date). Anchored ones
    /// need the date they count from (<see cref="AnchoredDates.Resolve"/>) and are null here.
    /// </summary>
    public static FuzzyDate? Resolve(ProseDateMatch match, DateReference? reference)
    {
        ArgumentNullException.ThrowIfNull(match);
        switch (match.Kind)
        {
            case ProseDateKind.Explicit:
                return FuzzyDateParser.TryParse(match.Label, out var date) ? date : null;
            case ProseDateKind.Partial:
                if (reference is null || !FuzzyDateParser.TryParse(match.Label, out var partial, new DateOnly(reference.Year, 1, 1)))
                {
                    return null;
                }
                return new FuzzyDate(match.Text, partial.Start, partial.End, DatePrecision.Approximate);
            case ProseDateKind.Relative:
                return reference is null ? null : Relative(match, reference);
            default:
                return null;
        }
    }

    private static FuzzyDate? Relative(ProseDateMatch match, DateReference reference)
    {
        var text = match.Label.ToLowerInvariant();
        var from = reference.From;
        var to = reference.To;
        static DateOnly MonthStart(DateOnly d) => new(d.Year, d.Month, 1);
        static DateOnly MonthEnd(DateOnly d) => MonthStart(d).AddMonths(1).AddDays(-1);
        var pinned = reference.IsPublished && from == to;
        if (WeekdayNames.TryGetValue(text, out var weekday))
        {
            // "On Monday" in a dated report: the latest such day on or before the publication day.
            if (!pinned)
            {
                return null;
            }
            var back = ((int)to.DayOfWeek - (int)weekday + 7) % 7;
            var day = to.AddDays(-back);
            return new FuzzyDate(match.Text, day, day, DatePrecision.Day);
        }
        if (PartOfRelativeMonthRegex().Match(text) is { Success: true } part)
        {
            var month = MonthStart(from).AddMonths(part.Groups["which"].Value.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1 : 0);
            var (first, last) = part.Groups["part"].Value.ToLowerInvariant() switch
            {
                "early" => (1, 10),
                "mid" => (11, 20),
                _ => (21, DateTime.DaysInMonth(month.Year, month.Month)),
            };
            return new FuzzyDate(match.Text, new DateOnly(month.Year, month.Month, first), new DateOnly(month.Year, month.Month, last), pinned ? DatePrecision.PartOfMonth : DatePrecision.Approximate);
        }
        if (RelativeQuarterRegex().Match(text) is { Success: true } quarter)
        {
            var year = from.Year + (quarter.Groups["which"].Value.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1 : 0);
            var index = Ordinals.IndexOf(quarter.Groups["n"].Value.ToLowerInvariant()) + 1;
            var months = quarter.Groups["unit"].Value.Equals("half", StringComparison.OrdinalIgnoreCase) ? 6 : 3;
            if (index < 1 || index * months > 12)
            {
                return null;
            }
            var start = new DateOnly(year, (index - 1) * months + 1, 1);
            return new FuzzyDate(match.Text, start, start.AddMonths(months).AddDays(-1), DatePrecision.Approximate);
        }
        return text switch
        {
            "last week" => new FuzzyDate(match.Text, from.AddDays(-7), to.AddDays(-1), DatePrecision.Approximate),
            "last month" => new FuzzyDate(match.Text, MonthStart(from).AddMonths(-1), MonthEnd(MonthStart(to).AddMonths(-1)), pinned ? DatePrecision.Month : DatePrecision.Approximate),
            "last year" => new FuzzyDate(match.Text, new DateOnly(from.Year - 1, 1, 1), new DateOnly(to.Year - 1, 12, 31), pinned ? DatePrecision.Year : DatePrecision.Approximate),
            "earlier this month" => new FuzzyDate(match.Text, MonthStart(from), to, DatePrecision.Approximate),
            "this month" => new FuzzyDate(match.Text, MonthStart(from), MonthEnd(to), pinned ? DatePrecision.Month : DatePrecision.Approximate),
            "earlier this year" => new FuzzyDate(match.Text, new DateOnly(from.Year, 1, 1), to, DatePrecision.Approximate),
            "yesterday" => new FuzzyDate(match.Text, from.AddDays(-1), to.AddDays(-1), pinned ? DatePrecision.Day : DatePrecision.Approximate),
            _ => null,
        };
    }

    private static readonly List<string> Ordinals = ["first", "second", "third", "fourth"];

    private static readonly Dictionary<string, DayOfWeek> WeekdayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    private static string? PrecedingWord(string sentence, int index)
    {
        var m = PrecedingWordRegex().Match(sentence[..index]);
        return m.Success ? m.Groups["w"].Value.ToLowerInvariant() : null;
    }

    private static bool IsBetween(string sentence, int index) =>
        BetweenRegex().IsMatch(sentence[Math.Max(0, index - 40)..index]);

    [GeneratedRegex(Year)]
    private static partial Regex YearInTextRegex();

    [GeneratedRegex(@"(?<w>[A-Za-z]+)[\s,]*$")]
    private static partial Regex PrecedingWordRegex();

    [GeneratedRegex(@"\bbetween\s+\S+\s+and\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenRegex();

    [GeneratedRegex(@"(?<d>" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+" + Year + ")")]
    private static partial Regex FullDayRegex();

    [GeneratedRegex(@"(?<![\d])(?<d>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+" + Year + ")")]
    private static partial Regex DayMonthYearRegex();

    [GeneratedRegex(@"\b(?<d>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of)[-\s]" + Month + @"(?:,?\s+" + Year + ")?)")]
    private static partial Regex PartOfMonthRegex();

    [GeneratedRegex(@"\b(?<d>" + Month + @",?\s+" + Year + ")")]
    private static partial Regex MonthYearRegex();

    [GeneratedRegex(@"\b(?<d>(?i:early|mid|late)[-\s]" + Year + ")")]
    private static partial Regex PartOfYearRegex();

    [GeneratedRegex(@"\b(?<d>(?:(?i:the)\s+)?(?i:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?i:half|quarter)\s+of\s+" + Year + @"|Q[1-4]\s+" + Year + @"|H[12]\s+" + Year + ")")]
    private static partial Regex HalfOrQuarterRegex();

    [GeneratedRegex(@"\b(?<d>" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?)(?![\d,]*\s*\d{4})(?!\d)")]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"\b(?i:during|over|at|on|in|around)\s+(?<d>(?<label>(?:the\s+)?(?:Lunar New Year|Chinese New Year|Spring Festival))(?:\s+(?:holiday|holidays|break))?)(?!,?\s+\d{4})")]
    private static partial Regex LunarNewYearRegex();

    [GeneratedRegex(@"\b(?i:in|during|by|until|of)\s+(?<d>" + Month + @")(?![\s,]+\d)(?!\w)")]
    private static partial Regex PrepositionMonthRegex();

    [GeneratedRegex(@"\b(?<d>(?<label>" + Month + @")['\u2019]s)(?=\s)")]
    private static partial Regex PossessiveMonthRegex();

    [GeneratedRegex(@"\b(?i:in|during|by|since)\s+(?<d>" + Year + @")(?!s)")]
    private static partial Regex PrepositionYearRegex();

    [GeneratedRegex(@"\b(?<d>(?<part>early|mid|late)[-\s](?<which>last|this) month)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfRelativeMonthRegex();

    [GeneratedRegex(@"\b(?<d>(?:the\s+)?(?<n>first|second|third|fourth)\s+(?<unit>half|quarter)\s+of\s+(?<which>this|last)\s+year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeQuarterRegex();

    /// <summary>"on Thursday", "dated Wednesday", "last Monday": a weekday of the week the report was written.</summary>
    [GeneratedRegex(@"\b(?i:on|dated|last|this past|since)\s+(?<d>(?<label>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")]
    private static partial Regex WeekdayRegex();

    [GeneratedRegex(@"\b(?<d>(?i:last week|last month|last year|earlier this month|earlier this year|this month|yesterday))\b")]
    private static partial Regex RelativeRegex();
}
