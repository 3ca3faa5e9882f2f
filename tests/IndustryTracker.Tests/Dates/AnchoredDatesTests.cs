using System.Globalization;
using IndustryTracker.Core.Dates;

namespace IndustryTracker.Tests.Dates;

public sealed class AnchoredDatesTests
{
    private static readonly FuzzyDate May4 = FuzzyDate.Day(new DateOnly(2026, 5, 4));
    private static readonly FuzzyDate February = new("February 2025", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), DatePrecision.Month);

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static (ProseDateMatch Match, FuzzyDate Date) ResolveSingle(string sentence, FuzzyDate anchor, bool reversed = false)
    {
        var match = Assert.Single(ProseDates.Find(sentence));
        Assert.Equal(ProseDateKind.Anchored, match.Kind);
        var date = AnchoredDates.Resolve(match, anchor, reversed);
        Assert.NotNull(date);
        return (match, date);
    }

    [Theory]
    [InlineData("iFlytek answered two days later.", "two days later", "2026-05-06")]
    [InlineData("MiniMax followed a day later.", "a day later", "2026-05-05")]
    [InlineData("SenseTime cut prices the next day.", "the next day", "2026-05-05")]
    [InlineData("The day before, Moonshot AI hired an engineer.", "The day before", "2026-05-03")]
    [InlineData("Shares rose a day after the signing.", "a day after", "2026-05-05")]
    [InlineData("Tencent had begun tests a week earlier.", "a week earlier", "2026-04-27")]
    [InlineData("Rivals replied 3 days afterwards.", "3 days afterwards", "2026-05-07")]
    [InlineData("The board met the previous day.", "the previous day", "2026-05-03")]
    public void Counted_days_and_weeks_from_a_day_keep_day_precision(string sentence, string text, string day)
    {
        var (match, date) = ResolveSingle(sentence, May4);

        Assert.Equal(text, match.Text);
        Assert.Equal((Day(day), Day(day), DatePrecision.Day), (date.Start, date.End, date.Precision));
        Assert.False(AnchoredDates.IsApproximate(match));
    }

    [Fact]
    public void A_reversed_offset_counts_back_from_the_anchor()
    {
        var (match, date) = ResolveSingle("The release came four days after Baidu unveiled its model.", May4, reversed: true);

        Assert.True(AnchoredDates.IsPreposition(match));
        Assert.Equal((Day("2026-04-30"), DatePrecision.Day), (date.Start, date.Precision));
    }

    [Theory]
    [InlineData("Seven months later its chief executive said more was needed.", "2025-09-01", "2025-09-30", DatePrecision.Month)]
    [InlineData("The following month the plan grew.", "2025-03-01", "2025-03-31", DatePrecision.Month)]
    [InlineData("The plan had been drafted the year before.", "2024-01-01", "2024-12-31", DatePrecision.Year)]
    [InlineData("It opened a lab two years later.", "2027-01-01", "2027-12-31", DatePrecision.Year)]
    [InlineData("Prices fell a day later.", "2025-02-02", "2025-03-01", DatePrecision.Approximate)]
    public void Months_and_years_count_calendar_units_and_days_from_a_month_are_approximate(string sentence, string start, string end, DatePrecision precision)
    {
        var (_, date) = ResolveSingle(sentence, February);

        Assert.Equal((Day(start), Day(end), precision), (date.Start, date.End, date.Precision));
    }

    [Theory]
    [InlineData("It opened the app to all users the following week.", "2026-05-11", "2026-05-17", true)]
    [InlineData("It had tested the app the week before.", "2026-04-27", "2026-05-03", true)]
    [InlineData("Weeks later, Kuaishou widened the deal.", "2026-05-18", "2026-07-06", false)]
    [InlineData("A few days earlier, rivals had cut prices.", "2026-04-25", "2026-05-02", false)]
    [InlineData("It picked a supplier within a week.", "2026-05-04", "2026-05-11", false)]
    [InlineData("The app reached a million users within days.", "2026-05-04", "2026-05-13", false)]
    [InlineData("Hours later, the company withdrew the post.", "2026-05-04", "2026-05-05", false)]
    public void Calendar_weeks_uncounted_offsets_and_within_spans_are_approximate(string sentence, string start, string end, bool counted)
    {
        var (match, date) = ResolveSingle(sentence, May4);

        Assert.Equal((Day(start), Day(end), DatePrecision.Approximate), (date.Start, date.End, date.Precision));
        Assert.Equal(!counted, AnchoredDates.IsApproximate(match));
    }

    [Theory]
    [InlineData("Revenue rose 40% from a year earlier.")]
    [InlineData("Sales were flat compared with the year before.")]
    [InlineData("It will spend the money over the next year.")]
    [InlineData("The two listings came within a day of each other.")]
    [InlineData("The launch was two years later than planned.")]
    [InlineData("The group has doubled its staff for two years after its founding.")]
    public void Comparisons_spans_and_reciprocal_phrases_are_not_anchored_dates(string sentence)
    {
        Assert.DoesNotContain(ProseDates.Find(sentence), m => m.Kind == ProseDateKind.Anchored);
    }

    [Fact]
    public void Anchored_forms_are_not_resolved_without_an_anchor()
    {
        var match = Assert.Single(ProseDates.Find("MiniMax followed a day later."));

        Assert.Null(ProseDates.Resolve(match, new DateReference(2026, new DateOnly(2026, 1, 9), new DateOnly(2026, 1, 9), true)));
    }
}
