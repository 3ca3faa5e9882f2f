using IndustryTracker.Core.Dates;

namespace IndustryTracker.Tests.Dates;

public sealed class FuzzyDateParserTests
{
    [Theory]
    // Every timeline label of seed 000.
    [InlineData("February, 2025", "2025-02-01", "2025-02-28", DatePrecision.Month)]
    [InlineData("On or After Lunar New Year, 2025", "2025-01-29", "2025-12-31", DatePrecision.Approximate)]
    [InlineData("Mid-February, 2025", "2025-02-11", "2025-02-20", DatePrecision.PartOfMonth)]
    [InlineData("Feb. 16, 2025", "2025-02-16", "2025-02-16", DatePrecision.Day)]
    [InlineData("Feb. 17, 2025", "2025-02-17", "2025-02-17", DatePrecision.Day)]
    [InlineData("Feb. 18, 2025", "2025-02-18", "2025-02-18", DatePrecision.Day)]
    [InlineData("Feb. 24, 2025", "2025-02-24", "2025-02-24", DatePrecision.Day)]
    [InlineData("Late February, 2025", "2025-02-21", "2025-02-28", DatePrecision.PartOfMonth)]
    // Variants.
    [InlineData("February 16, 2025", "2025-02-16", "2025-02-16", DatePrecision.Day)]
    [InlineData("16 February 2025", "2025-02-16", "2025-02-16", DatePrecision.Day)]
    [InlineData("2025-02-16", "2025-02-16", "2025-02-16", DatePrecision.Day)]
    [InlineData("January 20, 2025", "2025-01-20", "2025-01-20", DatePrecision.Day)]
    [InlineData("Sept. 3rd, 2024", "2024-09-03", "2024-09-03", DatePrecision.Day)]
    [InlineData("February 2025", "2025-02-01", "2025-02-28", DatePrecision.Month)]
    [InlineData("2025-02", "2025-02-01", "2025-02-28", DatePrecision.Month)]
    [InlineData("June 2025", "2025-06-01", "2025-06-30", DatePrecision.Month)]
    [InlineData("Early March 2025", "2025-03-01", "2025-03-10", DatePrecision.PartOfMonth)]
    [InlineData("Q1 2025", "2025-01-01", "2025-03-31", DatePrecision.Quarter)]
    [InlineData("Q4 2024", "2024-10-01", "2024-12-31", DatePrecision.Quarter)]
    [InlineData("third quarter of 2025", "2025-07-01", "2025-09-30", DatePrecision.Quarter)]
    [InlineData("H1 2025", "2025-01-01", "2025-06-30", DatePrecision.HalfYear)]
    [InlineData("first half of 2025", "2025-01-01", "2025-06-30", DatePrecision.HalfYear)]
    [InlineData("second half of 2024", "2024-07-01", "2024-12-31", DatePrecision.HalfYear)]
    [InlineData("2025", "2025-01-01", "2025-12-31", DatePrecision.Year)]
    [InlineData("early 2025", "2025-01-01", "2025-04-30", DatePrecision.Approximate)]
    [InlineData("Lunar New Year, 2024", "2024-02-10", "2024-02-10", DatePrecision.Day)]
    [InlineData("On or after Feb. 16, 2025", "2025-02-16", "2025-12-31", DatePrecision.Approximate)]
    public void Parses_labels_to_ranges(string label, string start, string end, DatePrecision precision)
    {
        Assert.True(FuzzyDateParser.TryParse(label, out var date), FuzzyDateParser.Parse(label).Error);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), date.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(label, date.Label);
    }

    [Theory]
    [InlineData("Late February, 2024", "2024-02-29")]
    [InlineData("Late February, 2025", "2025-02-28")]
    [InlineData("February 2024", "2024-02-29")]
    [InlineData("Late February, 2000", "2000-02-29")]
    [InlineData("Late February, 1900", "1900-02-28")]
    public void February_ends_on_the_right_day_in_leap_and_common_years(string label, string end)
    {
        Assert.True(FuzzyDateParser.TryParse(label, out var date));
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
    }

    [Fact]
    public void Feb_29_exists_only_in_leap_years()
    {
        Assert.True(FuzzyDateParser.TryParse("Feb. 29, 2024", out _));
        Assert.False(FuzzyDateParser.TryParse("Feb. 29, 2025", out _));
    }

    [Fact]
    public void An_impossible_day_is_rejected_with_a_clear_message()
    {
        var result = FuzzyDateParser.Parse("Feb. 30, 2025");

        Assert.False(result.Success);
        Assert.Null(result.Date);
        Assert.Contains("February 2025 has 28 days, not day 30", result.Error, StringComparison.Ordinal);
        Assert.False(FuzzyDateParser.TryParse("Feb. 30, 2025", out var date));
        Assert.Null(date);
    }

    [Theory]
    [InlineData("DeepSeek")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("380 billion yuan")]
    [InlineData("Q5 2025")]
    [InlineData("2025-13")]
    [InlineData("Tencent quietly rolled out an AI search function")]
    public void Non_dates_are_not_parsed(string text)
    {
        var result = FuzzyDateParser.Parse(text);

        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void A_label_without_a_year_takes_the_context_year_or_fails_without_one()
    {
        Assert.True(FuzzyDateParser.TryParse("Feb. 16", out var date, new DateOnly(2025, 2, 1)));
        Assert.Equal(new DateOnly(2025, 2, 16), date.Start);

        var withoutContext = FuzzyDateParser.Parse("Feb. 16");
        Assert.False(withoutContext.Success);
        Assert.Contains("no year", withoutContext.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lunar_new_year_outside_the_table_is_rejected()
    {
        var result = FuzzyDateParser.Parse("Lunar New Year, 2040");

        Assert.False(result.Success);
        Assert.Contains("2015", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lunar_new_year_table_covers_2015_to_2035_with_dates_in_its_season()
    {
        for (var year = 2015; year <= 2035; year++)
        {
            Assert.True(LunarNewYear.TryGet(year, out var day));
            Assert.Equal(year, day.Year);
            Assert.InRange(day, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
        }
    }

    [Fact]
    public void The_label_is_kept_exactly_as_written_apart_from_surrounding_space()
    {
        Assert.True(FuzzyDateParser.TryParse("  Mid-February, 2025 ", out var date));
        Assert.Equal("Mid-February, 2025", date.Label);
    }
}
