using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// The merge looks a fact's earlier deals up by company and amount instead of comparing it with each one. It must
/// merge exactly what comparing every pair with <see cref="InvestmentMerger.SameInvestment"/> merges: same amounts,
/// amounts in other currencies near the tolerance's edge, deals without an amount, several companies, in any order.
/// </summary>
public sealed class InvestmentMergerTests
{
    private static readonly ReferenceData Reference = ReferenceData.Default;
    private static readonly CompanyIdentity[] Companies = [new("Alpha AI"), new("Beta Labs"), new("Gamma Capital")];
    private static readonly string[] Currencies = ["USD", "CNY", "HKD"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Merging_by_lookup_merges_what_comparing_every_pair_merges(int seed)
    {
        var facts = RandomFacts(new Random(seed), 300);

        var merged = InvestmentMerger.Merge(facts, Reference);

        var expected = MergeByComparingEveryPair(facts);
        Assert.Equal(expected.Count, merged.Count);
        Assert.True(merged.Count < facts.Count, "the facts should include restatements");
        Assert.True(merged.Count > Companies.Length, "the facts should include distinct deals of one company");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], merged[i].Sources.Select(s => s.Paragraph));
        }
    }

    [Fact]
    public void Amounts_in_two_currencies_within_the_tolerance_are_one_deal_and_beyond_it_two()
    {
        var usdPerCny = Reference.RateFor("CNY", null)!.UsdPerUnit;
        var usd = Fact(Companies[0], 1, Amount(100_000_000m, "USD"));
        var close = Fact(Companies[0], 2, Amount(Math.Round(100_000_000m * 0.87m / usdPerCny), "CNY"));
        var far = Fact(Companies[0], 3, Amount(Math.Round(100_000_000m * 0.83m / usdPerCny), "CNY"));

        var merged = InvestmentMerger.Merge([usd, close, far], Reference);

        Assert.Equal([[1, 2], [3]], merged.Select(m => m.Sources.Select(s => s.Paragraph).ToArray()).ToArray());
    }

    /// <summary>The rule the merge implements, written the slow way: each fact against every deal kept so far, in order.</summary>
    private static List<List<int>> MergeByComparingEveryPair(IReadOnlyList<InvestmentFact> facts)
    {
        var kept = new List<InvestmentFact>();
        var sources = new List<List<int>>();
        foreach (var fact in facts)
        {
            var index = kept.FindIndex(k => InvestmentMerger.SameInvestment(k, fact, Reference));
            if (index < 0)
            {
                kept.Add(fact);
                sources.Add([.. fact.Sources.Select(s => s.Paragraph)]);
                continue;
            }
            // What the merge keeps of a restatement that decides later matches: its amounts and investors.
            kept[index] = kept[index] with
            {
                Amounts = [.. kept[index].Amounts, .. fact.Amounts.Where(a => !kept[index].Amounts.Any(k => k.Currency == a.Currency && k.Amount == a.Amount))],
                Investors = [.. kept[index].Investors, .. fact.Investors.Where(i => !kept[index].Investors.Any(k => k.Company == i.Company))],
            };
            sources[index].AddRange(fact.Sources.Select(s => s.Paragraph));
        }
        return sources;
    }

    private static List<InvestmentFact> RandomFacts(Random random, int count)
    {
        var usdAmounts = Enumerable.Range(0, 40).Select(_ => random.Next(1, 400) * 5_000_000m).ToArray();
        var facts = new List<InvestmentFact>();
        for (var paragraph = 0; paragraph < count; paragraph++)
        {
            var subject = Companies[random.Next(Companies.Length)];
            var amounts = new List<MoneyAmount>();
            var shape = random.Next(10);
            if (shape > 0)
            {
                var usd = usdAmounts[random.Next(usdAmounts.Length)];
                var currency = Currencies[random.Next(Currencies.Length)];
                // Sometimes off by up to ±20 %, across the tolerance's edge.
                var factor = shape == 1 ? 0.8m + ((decimal)random.Next(0, 41) / 100m) : 1m;
                var local = currency == "USD" ? usd * factor : Math.Round(usd * factor / Reference.RateFor(currency, null)!.UsdPerUnit);
                amounts.Add(Amount(local, currency));
                if (shape == 2)
                {
                    amounts.Add(Amount(usd, "USD"));
                }
            }
            facts.Add(Fact(subject, paragraph, [.. amounts]) with
            {
                Investors = amounts.Count == 0 ? [new InvestorFact(Companies[(Array.IndexOf(Companies, subject) + 1 + random.Next(2)) % Companies.Length], IsLead: true)] : [],
            });
        }
        return facts;
    }

    private static InvestmentFact Fact(CompanyIdentity recipient, int paragraph, params MoneyAmount[] amounts) =>
        new(InvestmentKind.FundingRound, recipient, [], amounts, null, null, null, null, [new SourceQuote(paragraph, $"Paragraph {paragraph}.")]);

    private static MoneyAmount Amount(decimal amount, string currency) => new(amount, currency, $"{currency} {amount}", false, false, 0, 1);
}
