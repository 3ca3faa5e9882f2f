using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;

namespace IndustryTracker.Tests.Import;

/// <summary>Events dated relative to a date the text stated before ("two days later", "the day before").</summary>
public sealed class AnchoredEventTests
{
    private const string Wire = """
        Quick replies in a crowded month
        By Tomas Verhoeven, Eastgate Markets Wire, June 12, 2026

        Baichuan Intelligence released a medical assistant on May 4, 2026.

        iFlytek answered two days later with a speech product for clinics.

        MiniMax showed a clinical model on May 27, 2026. The launch came three days after Alibaba Cloud added a medical plug-in to its app.

        Baichuan Intelligence held a developer day on June 10, 2026. A week later, it released a coding model.

        Zhipu AI will open a centre in Chengdu on July 1, 2026. It plans to add a third in Wuhan the following month.

        Kuaishou signed a cloud deal with Volcano Engine on April 1, 2026.

        Meituan widened its cloud deal weeks later.

        Cloud prices have fallen for most customers.

        SenseTime lowered its prices a day later.
        """;

    [Fact]
    public void A_counted_offset_from_a_day_in_the_paragraph_before_is_that_day_with_a_lower_confidence()
    {
        var facts = ProseEventTests.Extract(Wire);

        var e = Assert.Single(facts.Events, e => e.Companies.Any(c => c.Name == "iFlytek"));
        Assert.Equal((new DateOnly(2026, 5, 6), new DateOnly(2026, 5, 6), DatePrecision.Day), (e.Date.Start, e.Date.End, e.Date.Precision));
        Assert.Equal(new Provenance("date.anchored", FactConfidence.Medium), e.Provenance);
    }

    [Fact]
    public void What_came_n_days_after_a_dated_launch_is_n_days_before_it()
    {
        var facts = ProseEventTests.Extract(Wire);

        var e = Assert.Single(facts.Events, e => e.Companies.Any(c => c.Name == "Alibaba Cloud"));
        Assert.Equal(new DateOnly(2026, 5, 24), e.Date.Start);
        Assert.DoesNotContain(e.Companies, c => c.Name == "MiniMax");
    }

    [Fact]
    public void A_past_event_resolved_after_the_publication_day_is_left_out_with_a_note()
    {
        var facts = ProseEventTests.Extract(Wire);

        Assert.DoesNotContain(facts.Events, e => e.Date.Start > new DateOnly(2026, 6, 12) && !e.IsPlanned);
        Assert.Contains(facts.Notes, n => n.Contains("A week later", StringComparison.Ordinal) && n.Contains("2026-06-17", StringComparison.Ordinal) && n.Contains("after the article's date 2026-06-12", StringComparison.Ordinal));
    }

    [Fact]
    public void A_future_sentence_counted_from_a_planned_date_is_planned()
    {
        var facts = ProseEventTests.Extract(Wire);

        var e = Assert.Single(facts.Events, e => e.Date.Start == new DateOnly(2026, 8, 1));
        Assert.True(e.IsPlanned);
        Assert.Equal((new DateOnly(2026, 8, 31), DatePrecision.Month), (e.Date.End, e.Date.Precision));
        Assert.Contains(e.Companies, c => c.Name == "Zhipu AI");
    }

    [Fact]
    public void An_uncounted_offset_is_an_approximate_range_with_a_low_confidence()
    {
        var facts = ProseEventTests.Extract(Wire);

        var e = Assert.Single(facts.Events, e => e.Companies.Any(c => c.Name == "Meituan"));
        Assert.Equal((new DateOnly(2026, 4, 15), new DateOnly(2026, 6, 3), DatePrecision.Approximate), (e.Date.Start, e.Date.End, e.Date.Precision));
        Assert.Equal(new Provenance("date.anchored-approximate", FactConfidence.Low), e.Provenance);
    }

    [Fact]
    public void An_anchor_two_paragraphs_back_is_out_of_reach()
    {
        var facts = ProseEventTests.Extract(Wire);

        Assert.DoesNotContain(facts.Events, e => e.Companies.Any(c => c.Name == "SenseTime"));
    }
}
