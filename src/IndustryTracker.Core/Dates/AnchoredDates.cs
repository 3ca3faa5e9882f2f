using System.Globalization;
using System.Text.RegularExpressions;

namespace IndustryTracker.Core.Dates;

/// <summary>
/// Dates stated relative to another date of the text, not to when the article was written: "a day later", "two days
/// earlier", "the next day", "the following week", "the day before", "seven months later", "weeks later", "within a
/// week". They are found as <see cref="ProseDateKind.Anchored"/> matches and resolved against an anchor, the
/// nearest date the text stated before them (the extractor chooses it). Precision:
/// <list type="bullet">
/// <item>A counted offset in days or weeks ("two days later", "a week earlier", "the next day", "the day before")
/// shifts the anchor by whole days (a week is seven days) and keeps a day-exact anchor day-exact; from a less precise
/// anchor the shifted range is approximate.</item>
/// <item>Counted months or years ("seven months later", "the following month", "the year before") give the calendar
/// month or year that many away from the anchor's start: month/year precision when the anchor is at least that
/// precise, else approximate.</item>
/// <item>"The following week" / "the week before" is the Monday–Sunday week after/before the anchor's, approximate
/// (there is no week precision).</item>
/// <item>An uncounted offset ("days later", "a few weeks earlier", "several months after") is 2 to 9 units away, and
/// "within a week" / "within days" is the span from the anchor up to that far (days: up to 9): both approximate.</item>
/// </list>
/// "Within a day of each other" relates two happenings to one another and is not a date. "The previous week/month/
/// year" is anchored too (it is the week before the narrative's, not before the article's, unlike "last week").
/// </summary>
public static partial class AnchoredDates
{
    private static readonly Dictionary<string, int> Counts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["a couple of"] = 2,
    };

    /// <summary>How many units an uncounted offset ("days later", "several weeks") is at least and at most.</summary>
    public const int VagueMin = 2;

    /// <summary>See <see cref="VagueMin"/>.</summary>
    public const int VagueMax = 9;

    /// <summary>The anchored date expressions of <paramref name="sentence"/> (possibly overlapping other kinds;
    /// <see cref="ProseDates.Find"/> keeps the longest).</summary>
    public static IEnumerable<ProseDateMatch> Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (var regex in (Regex[])[OffsetRegex(), NeighbourRegex(), WithinRegex()])
        {
            for (var m = regex.Match(sentence); m.Success; m = m.NextMatch())
            {
                var d = m.Groups["d"];
                yield return new ProseDateMatch(d.Index, d.Length, d.Value, ProseDateKind.Anchored, d.Value.Trim(), null);
            }
        }
    }

    /// <summary>True for a form that only bounds the date loosely ("weeks later", "within a week").</summary>
    public static bool IsApproximate(ProseDateMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Parse(match.Label) is { } offset && (offset.Within || offset.Count is null);
    }

    /// <summary>True when the form is a preposition that a clause or noun phrase follows ("four days after Baidu
    /// unveiled …", "the day before the listing"), not an adverb ("a day later").</summary>
    public static bool IsPreposition(ProseDateMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Parse(match.Label) is { Preposition: true };
    }

    /// <summary>
    /// The date <paramref name="match"/> denotes counted from <paramref name="anchor"/>; with
    /// <paramref name="reversed"/> the offset runs the other way ("the release came four days after Baidu unveiled
    /// X": X is four days before the release). Null when the match is not an anchored form.
    /// </summary>
    public static FuzzyDate? Resolve(ProseDateMatch match, FuzzyDate anchor, bool reversed = false)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(anchor);
        if (Parse(match.Label) is not { } offset)
        {
            return null;
        }
        var sign = offset.Forward != reversed ? 1 : -1;
        if (offset.Unit == "hour")
        {
            // "Hours later": the anchor's day or the one next to it.
            return sign > 0
                ? new FuzzyDate(match.Text, anchor.Start, anchor.End.AddDays(1), DatePrecision.Approximate)
                : new FuzzyDate(match.Text, anchor.Start.AddDays(-1), anchor.End, DatePrecision.Approximate);
        }
        var dayExact = anchor.Precision == DatePrecision.Day;
        if (offset.Within)
        {
            // "Within a week": after the anchor, at most that far from it.
            var reach = offset.Count ?? VagueMax;
            return sign > 0
                ? new FuzzyDate(match.Text, anchor.Start, Shift(anchor.End, offset.Unit, reach), DatePrecision.Approximate)
                : new FuzzyDate(match.Text, Shift(anchor.Start, offset.Unit, -reach), anchor.End, DatePrecision.Approximate);
        }
        if (offset.Count is not { } count)
        {
            var near = Shift(sign > 0 ? anchor.Start : anchor.End, offset.Unit, sign * VagueMin);
            var far = Shift(sign > 0 ? anchor.End : anchor.Start, offset.Unit, sign * VagueMax);
            return sign > 0
                ? new FuzzyDate(match.Text, near, far, DatePrecision.Approximate)
                : new FuzzyDate(match.Text, far, near, DatePrecision.Approximate);
        }
        switch (offset.Unit)
        {
            case "day" or "week":
                var days = sign * count * (offset.Unit == "week" ? 7 : 1);
                if (offset.Calendar && offset.Unit == "week")
                {
                    // "The following week": the Monday–Sunday week after the anchor's.
                    var monday = anchor.Start.AddDays(-(((int)anchor.Start.DayOfWeek + 6) % 7)).AddDays(days);
                    return new FuzzyDate(match.Text, monday, monday.AddDays(6), DatePrecision.Approximate);
                }
                return new FuzzyDate(match.Text, anchor.Start.AddDays(days), anchor.End.AddDays(days), dayExact ? DatePrecision.Day : DatePrecision.Approximate);
            case "month":
                var month = new DateOnly(anchor.Start.Year, anchor.Start.Month, 1).AddMonths(sign * count);
                var monthly = anchor.Precision <= DatePrecision.Month;
                return new FuzzyDate(match.Text, month, month.AddMonths(1).AddDays(-1), monthly ? DatePrecision.Month : DatePrecision.Approximate);
            default:
                var year = anchor.Start.Year + (sign * count);
                var yearly = anchor.Precision <= DatePrecision.Year;
                return new FuzzyDate(match.Text, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), yearly ? DatePrecision.Year : DatePrecision.Approximate);
        }
    }

    private static DateOnly Shift(DateOnly day, string unit, int count) => unit switch
    {
        "hour" => day.AddDays(Math.Sign(count)),
        "day" => day.AddDays(count),
        "week" => day.AddDays(7 * count),
        "month" => day.AddMonths(count),
        _ => day.AddYears(count),
    };

    /// <summary>An offset: its unit (day, week, month, year, hour), count (null when uncounted), direction, and
    /// whether it is a "within" span, a calendar neighbour ("the following week") or a preposition.</summary>
    private sealed record Offset(string Unit, int? Count, bool Forward, bool Within, bool Calendar, bool Preposition);

    private static Offset? Parse(string label)
    {
        // The label is one whole form: "the day before" is a neighbour, not the uncounted "day before" inside it.
        if (Whole(NeighbourRegex(), label) is { } neighbour)
        {
            var unit = Unit(neighbour.Groups["unit"].Value);
            var which = (neighbour.Groups["which"].Success ? neighbour.Groups["which"] : neighbour.Groups["after"]).Value.ToLowerInvariant();
            var forward = which is "next" or "following" or "after";
            return new Offset(unit, 1, forward, false, true, neighbour.Groups["after"].Success);
        }
        if (Whole(OffsetRegex(), label) is { } m)
        {
            var unit = Unit(m.Groups["unit"].Value);
            var n = m.Groups["n"].Value.Trim();
            int? count = n.Length == 0 || n.Equals("a few", StringComparison.OrdinalIgnoreCase) || n.Equals("several", StringComparison.OrdinalIgnoreCase) || n.Equals("some", StringComparison.OrdinalIgnoreCase)
                ? null
                : Counts.TryGetValue(n, out var c) ? c : int.Parse(n, CultureInfo.InvariantCulture);
            var dir = m.Groups["dir"].Value.ToLowerInvariant();
            return new Offset(unit, count, dir is "later" or "after" or "afterwards" or "afterward", false, false, dir is "after" or "before");
        }
        if (Whole(WithinRegex(), label) is { } within)
        {
            var n = within.Groups["n"].Value.Trim();
            int? count = n.Length == 0 ? null : Counts.TryGetValue(n, out var c) ? c : int.Parse(n, CultureInfo.InvariantCulture);
            return new Offset(Unit(within.Groups["unit"].Value), count, true, true, false, false);
        }
        return null;
    }

    private static Match? Whole(Regex regex, string label) =>
        regex.Match(label) is { Success: true } m && m.Groups["d"].Index == 0 && m.Groups["d"].Length == label.Length ? m : null;

    private static string Unit(string word)
    {
        var unit = word.ToLowerInvariant().TrimEnd('s');
        return unit == "morning" ? "day" : unit;
    }

    private const string Count = @"(?<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|several|some|\d{1,2})";

    /// <summary>"Up 40% from a year earlier", "compared with the year before", "over the next year", "for two years
    /// after": a comparison or a span, not a date.</summary>
    private const string Comparison = @"(?<!\b(?i:from|than|with|over|versus|vs\.?|against|for|through|throughout)\s+(?:[\w-]+\s+)?)";

    /// <summary>"a day later", "two weeks earlier", "seven months after", "weeks later", "hours later".</summary>
    [GeneratedRegex(Comparison + @"\b(?<d>(?:" + Count + @"\s+)?(?<unit>days?|weeks?|months?|years?|hours?)\s+(?<dir>later|earlier|afterwards?|after|before|prior))\b(?!\s+than\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetRegex();

    /// <summary>"the next day", "the following week", "the previous month", "the day after", "the year before".</summary>
    [GeneratedRegex(Comparison + @"\b(?<d>(?i:the)\s+(?:(?<which>(?i:next|following|previous|preceding))\s+(?<unit>(?i:day|morning|week|month|year))|(?<unit>(?i:day|week|month|year))\s+(?<after>(?i:after|before))))\b(?!\s+(?i:tomorrow|yesterday)\b)")]
    private static partial Regex NeighbourRegex();

    /// <summary>"within a week", "within days", "within two months" — not "within a day of each other".</summary>
    [GeneratedRegex(@"\b(?<d>within\s+(?:(?<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(?<unit>days?|weeks?|months?|years?|hours?))\b(?!\s+of\s+(?:each other|one another))", RegexOptions.IgnoreCase)]
    private static partial Regex WithinRegex();
}
