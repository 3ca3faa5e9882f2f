using System.Globalization;
using Bunit;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Pages;
using IndustryTracker.Web.Components.Pages.Investments;
using IndustryTracker.Web.Components.Shared;

namespace IndustryTracker.Tests.Components.Charts;

/// <summary>Charts label their axes for people ($52B, ¥380B, month names) and stay readable on a phone.</summary>
public sealed class ChartTests : ComponentTestContext
{
    [Theory]
    [InlineData(52_060_000_000d, "$", "$52.1B")]
    [InlineData(52_000_000_000d, "$", "$52B")]
    [InlineData(380_000_000_000d, "¥", "¥380B")]
    [InlineData(13_720_000d, "$", "$13.7M")]
    [InlineData(999_950d, "$", "$1M")]
    [InlineData(2_500d, "$", "$2.5K")]
    [InlineData(1.2e12, "$", "$1.2T")]
    [InlineData(0d, "$", "$0")]
    [InlineData(-2_500_000d, "$", "-$2.5M")]
    public void Amounts_are_short(double value, string symbol, string expected) => Assert.Equal(expected, ChartFormat.Compact(value, symbol));

    [Theory]
    [InlineData("2025-02", "Feb 2025")]
    [InlineData("2024-12", "Dec 2024")]
    [InlineData("Undated", "Undated")]
    [InlineData("2025", "2025")]
    public void Months_have_names(string label, string expected) => Assert.Equal(expected, ChartFormat.Month(label));

    [Theory]
    [InlineData(52_060d, 20_000)]
    [InlineData(40_000d, 10_000)]
    [InlineData(9d, 2)]
    [InlineData(3d, 1)]
    [InlineData(0d, 1)]
    [InlineData(250d, 50)]
    public void Ticks_are_round_numbers(double max, int step) => Assert.Equal(step, ChartFormat.TickStep(max));

    [Fact]
    public void Counts_on_an_axis_are_whole_numbers() => Assert.Equal(["3", "", "1,200"], new[] { 3d, 2.5, 1200d }.Select(ChartFormat.Count));

    [Fact]
    public void The_bar_chart_draws_one_bar_per_value_with_formatted_axis_labels()
    {
        var cut = Render<BarChart>(p => p
            .Add(c => c.Bars, [("Alibaba", 52_060_000_000d), ("SiliconFlow", 13_720_000d)])
            .Add(c => c.Unit, 1e6)
            .Add(c => c.AxisFormat, v => ChartFormat.Compact(v)));

        var texts = cut.FindAll("svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("Alibaba", texts);
        Assert.Contains("SiliconFlow", texts);
        Assert.Contains("$20B", texts);
        Assert.Contains("$0", texts);
        Assert.DoesNotContain(texts, t => t.Contains("000000", StringComparison.Ordinal));
        Assert.Equal(2, cut.FindAll("path.mud-chart-bar").Count);
        Assert.Equal("img", cut.Find(".bar-chart").GetAttribute("role"));
    }

    [Fact]
    public void The_totals_chart_shows_the_largest_companies_only_and_the_table_lists_all()
    {
        var totals = Enumerable.Range(1, 12).Select(n => new InvestmentTotal($"Company {n}", n * 1_000_000_000m)).ToList();

        var cut = Render<InvestmentTotals>(p => p.Add(c => c.Totals, totals));

        Assert.Equal(InvestmentTotals.MaxBars, cut.FindAll("path.mud-chart-bar").Count);
        Assert.Equal(12, cut.FindAll("table.chart-data tbody tr").Count);
        Assert.Contains("The chart shows the 8 largest; the table lists all 12.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("$5B", cut.FindAll("svg text").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void By_month_the_chart_names_the_months()
    {
        var cut = Render<InvestmentTotals>(p => p
            .Add(c => c.Totals, [new InvestmentTotal("2025-01", 1_000_000m), new InvestmentTotal("2025-02", 52_000_000_000m)])
            .Add(c => c.ByMonth, true));

        var texts = cut.FindAll("svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("Jan 2025", texts);
        Assert.Contains("Feb 2025", texts);
        Assert.Equal("true", cut.Find("#totals-by-month").GetAttribute("aria-current"));
    }

    /// <summary>Hovers the bar at <paramref name="index"/> and answers the texts of the tooltip it shows.</summary>
    private static List<string> HoverTooltip(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, int index)
    {
        cut.FindAll("path.mud-chart-bar")[index].MouseOut(); // leave the bar hovered before, if any
        cut.FindAll("path.mud-chart-bar")[index].MouseOver();
        return [.. cut.FindAll(".mud-charts-tooltip text tspan, .mud-charts-tooltip text").Select(t => t.TextContent.Trim()).Where(t => t.Length > 0).Distinct()];
    }

    [Fact]
    public void The_totals_tooltip_names_the_company_and_gives_the_short_and_the_exact_amount()
    {
        var cut = Render<InvestmentTotals>(p => p.Add(c => c.Totals, [new InvestmentTotal("Alibaba", 52_060_000_000m), new InvestmentTotal("SiliconFlow", 13_720_000m)]));
        Assert.Empty(cut.FindAll(".mud-charts-tooltip text"));

        var texts = HoverTooltip(cut, 0);

        Assert.Contains(texts, t => t.Contains("Alibaba", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("$52.1B · US$52,060,000,000", StringComparison.Ordinal));
        Assert.Contains(HoverTooltip(cut, 1), t => t.Contains("$13.7M · US$13,720,000", StringComparison.Ordinal));
        // The axis is for people: short amounts, never the raw numbers.
        Assert.Contains("$60B", cut.FindAll("svg text").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void The_by_month_tooltip_names_the_month_and_its_exact_total()
    {
        var cut = Render<InvestmentTotals>(p => p
            .Add(c => c.Totals, [new InvestmentTotal("2025-01", 1_234_567m), new InvestmentTotal("2025-02", 52_000_000_000m)])
            .Add(c => c.ByMonth, true));

        var texts = HoverTooltip(cut, 0);

        Assert.Contains(texts, t => t.Contains("Jan 2025", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("US$1,234,567", StringComparison.Ordinal));
    }

    [Fact]
    public void The_events_per_month_chart_names_months_on_its_axis_and_gives_the_exact_count_in_its_tooltip()
    {
        var cut = Render<EventsPerMonth>(p => p.Add(c => c.Months,
        [
            new MonthFacet("2025-01", "2025-01-01", "2025-01-31", 1),
            new MonthFacet("2025-02", "2025-02-01", "2025-02-28", 1_234),
        ]));

        var axis = cut.FindAll("svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("Jan 2025", axis);
        Assert.Contains("Feb 2025", axis);
        Assert.DoesNotContain(axis, t => t.Contains('.', StringComparison.Ordinal)); // whole numbers on the count axis

        var texts = HoverTooltip(cut, 1);

        Assert.Contains(texts, t => t.Contains("Feb 2025", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("1,234 events", StringComparison.Ordinal));
        Assert.Equal(2, cut.FindAll("table.chart-data tbody tr").Count);
    }

    [Theory]
    [InlineData(2, "6.9rem")]
    [InlineData(90, "200.5rem")]
    public void The_month_table_keeps_the_space_of_its_rows_until_it_is_laid_out(int months, string height)
    {
        var start = new DateOnly(2019, 1, 1);
        var cut = Render<EventsPerMonth>(p => p.Add(c => c.Months,
        [
            .. Enumerable.Range(0, months).Select(i => start.AddMonths(i)).Select(m => new MonthFacet(
                m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                m.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 3)),
        ]));

        // The box is skipped by the browser while far from the viewport (content-visibility: auto in app.css); until
        // then it is as tall as its rows will be, so the page's length and scroll bar do not jump.
        var box = cut.Find(".chart-data-box");
        Assert.Equal($"contain-intrinsic-size: auto {height}", box.GetAttribute("style"));
        Assert.Equal(months, box.QuerySelectorAll("table.chart-data tbody tr").Length);
    }
}
