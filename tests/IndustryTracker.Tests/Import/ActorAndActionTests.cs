using IndustryTracker.Core.Import;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Tests.Import;

/// <summary>Events need an actor and an action: who says so, or a word naming investors, is neither.</summary>
public sealed class ActorAndActionTests
{
    [Theory]
    [InlineData("StepFun is the most active investor in medical start-ups in 2026, according to analysts.", EventCategory.Other)]
    [InlineData("StepFun and MiniMax lead the field in 2026, according to investors familiar with the matter.", EventCategory.Other)]
    [InlineData("StepFun and MiniMax lead the field in 2026, investors said.", EventCategory.Other)]
    [InlineData("Investors ranked MiniMax first in 2026, said people briefed on the survey.", EventCategory.Other)]
    [InlineData("StepFun raised $50 million in March, according to people familiar with the matter.", EventCategory.Investment)]
    [InlineData("Tencent invested in StepFun in March, analysts said.", EventCategory.Investment)]
    [InlineData("MiniMax launched a video model in March, according to a company statement.", EventCategory.ProductLaunch)]
    public void Attribution_and_the_word_investor_do_not_make_investment_news(string text, EventCategory category) =>
        Assert.Equal(category, EventClassifier.Classify(text));

    [Theory]
    [InlineData("Revenue rose in 2026, according to investors who follow the sector.", "Revenue rose in 2026")]
    [InlineData("MiniMax is the leader in 2026, analysts said.", "MiniMax is the leader in 2026")]
    [InlineData("MiniMax is the leader in 2026, said people familiar with the matter.", "MiniMax is the leader in 2026")]
    [InlineData("MiniMax said it had signed a deal.", "MiniMax said it had signed a deal.")]
    public void Attribution_is_stripped_from_the_statement(string text, string statement) =>
        Assert.Equal(statement, Attribution.Strip(text));

    [Fact]
    public void A_dated_description_with_only_an_attribution_verb_is_not_an_event()
    {
        var facts = ProseEventTests.Extract("""
            Two suppliers in a crowded field
            By Ana Lind, Westgate Wire, June 12, 2026

            Baichuan Intelligence and iFlytek are the best-known suppliers to hospitals in 2026, analysts said.

            StepFun is the most active investor in medical start-ups in 2026, according to analysts.

            iFlytek opened a clinic office in Hefei in May, analysts said.
            """);

        var e = Assert.Single(facts.Events);
        Assert.Contains(e.Companies, c => c.Name == "iFlytek");
        Assert.Equal(new DateOnly(2026, 5, 1), e.Date.Start);
    }
}
