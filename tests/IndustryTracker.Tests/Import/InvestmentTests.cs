using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Investments;
using static IndustryTracker.Tests.Import.ProseEventTests;

namespace IndustryTracker.Tests.Import;

/// <summary>The money grammar applied to investments, on short articles written for these tests.</summary>
public sealed class InvestmentTests
{
    [Fact]
    public void A_round_led_by_two_unknown_investors_is_one_funding_round_with_two_leads()
    {
        var facts = Extract("""
            Inference start-ups draw money
            Published March 2, 2026
            Moore Threads secured over 300 million yuan in Series B funding led by Lanting Capital and Qiming Harbor Ventures, the company said.
            """);

        var round = Assert.Single(facts.Investments);
        Assert.Equal(InvestmentKind.FundingRound, round.Kind);
        Assert.Equal("Moore Threads", round.Recipient?.Name);
        Assert.Equal("Series B", round.Round);
        Assert.Equal(["Lanting Capital", "Qiming Harbor Ventures"], round.Investors.Where(i => i.IsLead).Select(i => i.Company.Name));
        var amount = Assert.Single(round.Amounts);
        Assert.Equal((300_000_000m, "CNY", "over 300 million yuan", true), (amount.Amount, amount.Currency, amount.AsReported, amount.IsLowerBound));
        Assert.Contains(facts.Companies, c => c.Company.Name == "Lanting Capital" && c.Company.Discovered?.Category == CompanyCategory.Investor);
    }

    [Fact]
    public void A_capex_plan_reported_in_two_currencies_is_one_record_with_both_amounts_and_both_quotes()
    {
        var facts = Extract("""
            Cover Story: Cloud spending
            [para. 1] Tencent's $40 billion plan over five years, to expand data centres, surprised rivals.
            [para. 2] Tencent announced a 290 billion yuan investment over five years to build computing clusters.
            """);

        var plan = Assert.Single(facts.Investments);
        Assert.Equal(InvestmentKind.CapitalExpenditurePlan, plan.Kind);
        Assert.Null(plan.Recipient);
        Assert.Equal("Tencent", Assert.Single(plan.Investors).Company.Name);
        Assert.Equal("over five years", plan.Period);
        Assert.Equal(["CNY", "USD"], plan.Amounts.Select(a => a.Currency));
        Assert.Equal(2, plan.Sources.Count);
    }

    [Fact]
    public void Amounts_that_do_not_agree_are_separate_plans()
    {
        var facts = Extract("""
            Cover Story: Two plans
            [para. 1] Tencent announced a 290 billion yuan investment over five years to build computing clusters.
            [para. 2] Tencent also has a $9 billion plan over two years to expand overseas offices.
            """);

        Assert.Equal(2, facts.Investments.Count);
    }

    [Theory]
    [InlineData("Acme said it spent less than $5 million to train its model.")]
    [InlineData("Investors dumped nearly $300 billion in Nvidia shares in a day.")]
    [InlineData("State venture funds have exceeded US$500 billion in the past two decades.")]
    [InlineData("Acme's revenue rose to $9 billion over three years.")]
    [InlineData("Startups raised $2 billion last year, analysts said.")]
    public void Costs_market_moves_aggregates_and_rounds_without_a_company_are_not_investments(string sentence)
    {
        var facts = Extract("Money in the news\n" + sentence.Replace("Acme", "Cambricon", StringComparison.Ordinal) + "\n");

        Assert.Empty(facts.Investments);
    }

    [Fact]
    public void A_state_fund_that_is_set_up_is_a_government_fund_without_recipient()
    {
        var facts = Extract("""
            Funds for chips
            Published May 5, 2026
            The national government launched a 60 billion yuan state fund to support AI chip start-ups.
            """);

        var fund = Assert.Single(facts.Investments);
        Assert.Equal(InvestmentKind.GovernmentFund, fund.Kind);
        Assert.Null(fund.Recipient);
        Assert.Equal(60_000_000_000m, fund.Amounts[0].Amount);
    }

    [Fact]
    public void A_timeline_entry_announcing_an_investment_dates_it_and_links_the_event()
    {
        var facts = Extract("""
            Cover Story: Capex
            - March 4, 2026:
            - Baidu announced a 50 billion yuan investment over two years to develop AI infrastructure.
            """);

        var plan = Assert.Single(facts.Investments);
        Assert.Equal(new DateOnly(2026, 3, 4), plan.Announced?.Start);
        Assert.Same(plan, Assert.Single(facts.Events).Investment);
    }
}
