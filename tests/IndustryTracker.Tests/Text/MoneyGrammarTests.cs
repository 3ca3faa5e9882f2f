using IndustryTracker.Core.Text;

namespace IndustryTracker.Tests.Text;

public sealed class MoneyGrammarTests
{
    [Theory]
    [InlineData("a 250 billion yuan programme", 250_000_000_000, "CNY", "250 billion yuan", false, false)]
    [InlineData("a $48 billion plan", 48_000_000_000, "USD", "$48 billion", false, false)]
    [InlineData("it raised over 80 million yuan", 80_000_000, "CNY", "over 80 million yuan", true, false)]
    [InlineData("funds have exceeded US$700 billion", 700_000_000_000, "USD", "exceeded US$700 billion", true, false)]
    [InlineData("it spent less than $4 million", 4_000_000, "USD", "less than $4 million", false, true)]
    [InlineData("more than $250 million in new money", 250_000_000, "USD", "more than $250 million", true, false)]
    [InlineData("a RMB 3.5 billion round", 3_500_000_000, "CNY", "RMB 3.5 billion", false, false)]
    [InlineData("about 12,500 dollars", 12_500, "USD", "12,500 dollars", false, false)]
    [InlineData(@"a modest budget of US\$2 million", 2_000_000, "USD", "US$2 million", false, false)]
    public void Amounts_currency_bounds_and_text_as_written(string text, double amount, string currency, string asReported, bool lower, bool upper)
    {
        var money = Assert.Single(MoneyGrammar.Find(text));

        Assert.Equal((decimal)amount, money.Amount);
        Assert.Equal(currency, money.Currency);
        Assert.Equal(asReported, money.AsReported);
        Assert.Equal((lower, upper), (money.IsLowerBound, money.IsUpperBound));
    }

    [Theory]
    [InlineData("It bought 100,000 modified chips.")]
    [InlineData("WeChat has 1.38 billion monthly users.")]
    [InlineData("A 10% tariff and 2,000 GPUs.")]
    [InlineData("DeepSeek-R1 and Qwen2.5-Max")]
    public void Numbers_without_a_currency_are_not_money(string text) =>
        Assert.Empty(MoneyGrammar.Find(text));
}
