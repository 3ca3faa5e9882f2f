using IndustryTracker.Core.Dates;

namespace IndustryTracker.Tests.Dates;

public sealed class ProseDatesTests
{
    private static readonly DateReference Early2026 = new(2026, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), false);
    private static readonly DateReference Published = new(2026, new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5), true);

    [Theory]
    [InlineData("The board met on April 3, 2026 in Shenzhen.", "April 3, 2026", "2026-04-03", "2026-04-03", DatePrecision.Day)]
    [InlineData("Acme was set up in May 2021 by two engineers.", "May 2021", "2021-05-01", "2021-05-31", DatePrecision.Month)]
    [InlineData("Starting in late 2019, the rules tightened.", "late 2019", "2019-09-01", "2019-12-31", DatePrecision.Approximate)]
    [InlineData("The ban came in 2020, after a review.", "2020", "2020-01-01", "2020-12-31", DatePrecision.Year)]
    [InlineData("Sales doubled in the first half of 2024 alone.", "the first half of 2024", "2024-01-01", "2024-06-30", DatePrecision.HalfYear)]
    [InlineData("It shipped on 9 October 2023.", "9 October 2023", "2023-10-09", "2023-10-09", DatePrecision.Day)]
    public void Explicit_dates_keep_the_precision_the_text_gives(string sentence, string text, string start, string end, DatePrecision precision)
    {
        var match = Assert.Single(ProseDates.Find(sentence));
        var date = ProseDates.Resolve(match, null);

        Assert.Equal(ProseDateKind.Explicit, match.Kind);
        Assert.Equal(text, match.Text);
        Assert.NotNull(date);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), precision), (date.Start, date.End, date.Precision));
    }

    [Theory]
    [InlineData("In early March the group said it would expand.", "2026-03-01", "2026-03-10")]
    [InlineData("Downloads peaked in late January.", "2026-01-21", "2026-01-31")]
    [InlineData("The model is set for release on April 16.", "2026-04-16", "2026-04-16")]
    [InlineData("A full version is expected in June.", "2026-06-01", "2026-06-30")]
    [InlineData("Plants paused during the Lunar New Year.", "2026-02-17", "2026-02-17")]
    [InlineData("With February's release of the app, usage grew.", "2026-02-01", "2026-02-28")]
    public void Partial_dates_take_the_reference_year_and_are_approximate(string sentence, string start, string end)
    {
        var match = Assert.Single(ProseDates.Find(sentence));
        var date = ProseDates.Resolve(match, Early2026);

        Assert.Equal(ProseDateKind.Partial, match.Kind);
        Assert.NotNull(date);
        Assert.Equal(DatePrecision.Approximate, date.Precision);
        Assert.Equal(start, date.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, date.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(ProseDates.Resolve(match, null));
    }

    [Theory]
    [InlineData("Last month, regulators fined the firm.", "2026-02-01", "2026-02-28", DatePrecision.Approximate)]
    [InlineData("Two ministries acted last week.", "2026-02-22", "2026-03-09", DatePrecision.Approximate)]
    [InlineData("Analysts wrote earlier this month that demand rose.", "2026-03-01", "2026-03-10", DatePrecision.Approximate)]
    public void Relative_dates_count_from_the_reference_range(string sentence, string start, string end, DatePrecision precision)
    {
        var match = Assert.Single(ProseDates.Find(sentence));
        var date = ProseDates.Resolve(match, Early2026);

        Assert.Equal(ProseDateKind.Relative, match.Kind);
        Assert.NotNull(date);
        Assert.Equal((start, end, precision), (date.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date.Precision));
        Assert.Null(ProseDates.Resolve(match, null));
    }

    [Fact]
    public void A_stated_publication_date_pins_last_month_to_a_calendar_month()
    {
        var match = Assert.Single(ProseDates.Find("Last month the app was blocked."));

        var date = ProseDates.Resolve(match, Published);

        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), DatePrecision.Month), (date!.Start, date.End, date.Precision));
    }

    [Theory]
    [InlineData("Since 2015, the firm has run seven labs.")]
    [InlineData("Filings grew sixfold between 2014 and 2023.")]
    [InlineData("Research has surged since the 2010s.")]
    [InlineData("Huawei's 2024 revenue exceeded expectations.")]
    [InlineData("Users may march on, as they did.")]
    [InlineData("It had 1.38 billion users and 2,000 GPUs.")]
    public void Spans_states_and_numbers_are_not_event_dates(string sentence) =>
        Assert.Empty(ProseDates.Find(sentence));

    [Fact]
    public void An_impossible_date_in_prose_resolves_to_nothing_instead_of_throwing()
    {
        var match = Assert.Single(ProseDates.Find("The filing is dated Feb. 30, 2025 by mistake."));

        Assert.Null(ProseDates.Resolve(match, null));
    }
}
