using BenchmarkDotNet.Attributes;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Benchmarks;

/// <summary>Fuzzy dates: parsed for every dated sentence of every article and every date typed into a form.</summary>
[MemoryDiagnoser]
public class FuzzyDateBenchmarks
{
    private static readonly DateOnly Context = new(2025, 3, 6);

    [Params("2025-03-06", "March 2025", "Q3 2024", "early 2025", "around mid-2024", "the second half of 2023")]
    public string Text { get; set; } = string.Empty;

    [Benchmark]
    public FuzzyDateParseResult Parse() => FuzzyDateParser.Parse(Text, Context);
}

/// <summary>Money amounts: found in every sentence the investment and valuation extractors read.</summary>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    [Params(
        "Moonshot AI closed a round of US$1.5 billion (about 10.9 billion yuan), after raising RMB 300 million in 2023.",
        "StepFun raised $250 million in a Series B round led by Tencent.",
        "The company did not disclose how much it raised.")]
    public string Sentence { get; set; } = string.Empty;

    [Benchmark]
    public int Find() => MoneyGrammar.Find(Sentence).Count;
}
