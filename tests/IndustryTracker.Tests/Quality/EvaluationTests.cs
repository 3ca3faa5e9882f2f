using System.Globalization;
using System.Text.Json;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Tests.Quality;

/// <summary>
/// Precision and recall of the importer on the hand-labelled evaluation set (TestData/Evaluation, see its README):
/// companies and models by name key, events by exact date range with the labelled companies involved, investments
/// by amount, currency and kind (and, where labelled, recipient, leads, other investors and listing status),
/// valuations by company, amount and currency, other names of a company and parents. Each extracted fact matches
/// at most one label.
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    public const double MinPrecision = 0.9;
    public const double MinRecall = 0.9;

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "Evaluation");

    private sealed record Expected(List<string> Companies, List<string> Models, List<ExpectedEvent> Events, List<ExpectedInvestment> Investments)
    {
        public List<ExpectedValuation> Valuations { get; init; } = [];
        public List<List<string>> Aliases { get; init; } = [];
        public List<List<string>> Parents { get; init; } = [];
    }

    private sealed record ExpectedValuation(string Company, decimal Amount, string Currency);

    private sealed record ExpectedEvent(string Start, string End, List<string> Companies);

    private sealed record ExpectedInvestment(decimal? Amount, string? Currency, string Kind)
    {
        public string? Recipient { get; init; }
        public List<string>? Leads { get; init; }
        public List<string>? Investors { get; init; }
        public string? Listing { get; init; }
    }

    private sealed class Score
    {
        public int TruePositives { get; set; }
        public int FalsePositives { get; set; }
        public int FalseNegatives { get; set; }

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public void Add(Score other)
        {
            TruePositives += other.TruePositives;
            FalsePositives += other.FalsePositives;
            FalseNegatives += other.FalseNegatives;
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"tp={TruePositives} fp={FalsePositives} fn={FalseNegatives} precision={Precision:0.000} recall={Recall:0.000}");
    }

    [Fact]
    public void The_evaluation_set_has_at_least_two_articles_of_each_shape()
    {
        var articles = Articles().Select(Path.GetFileName).ToList();

        Assert.True(articles.Count(a => a!.StartsWith("cover-", StringComparison.Ordinal)) >= 2);
        Assert.True(articles.Count(a => a!.StartsWith("prose-", StringComparison.Ordinal)) >= 2);
        Assert.True(articles.Count(a => a!.StartsWith("essay-", StringComparison.Ordinal)) >= 2);
        Assert.Equal(articles.Count, articles.Count(a => a!.StartsWith("cover-", StringComparison.Ordinal) || a.StartsWith("prose-", StringComparison.Ordinal) || a.StartsWith("essay-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Precision_and_recall_over_the_evaluation_set_are_at_least_0_9()
    {
        var total = new Score();
        var byKind = new Dictionary<string, Score>(StringComparer.Ordinal)
        {
            ["companies"] = new(), ["models"] = new(), ["events"] = new(), ["investments"] = new(), ["valuations"] = new(), ["names"] = new(),
        };
        foreach (var path in Articles())
        {
            var expected = JsonSerializer.Deserialize<Expected>(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")), EnumNames.JsonOptions)!;
            var parsed = ArticleParser.Parse(File.ReadAllText(path), TestContext.Current.CancellationToken);
            Assert.True(parsed.Error is null, parsed.Error);
            var article = parsed.Article!;
            var directory = CompanyDirectory.Build(ReferenceData.Default, [], article.Profiles);
            var facts = FactExtractor.Extract(article, directory, ModelCatalog.Build(ReferenceData.Default, []), cancellationToken: TestContext.Current.CancellationToken);

            var scores = new Dictionary<string, Score>(StringComparer.Ordinal)
            {
                ["companies"] = Names(facts.Companies.Select(c => c.Company.Name), expected.Companies, CompanyNames.Key),
                ["models"] = Names(facts.Models.Select(m => m.Model.Name), expected.Models, ModelCatalog.Key),
                ["events"] = Match(facts.Events, expected.Events, (e, x) =>
                    e.Date.Start == DateOnly.Parse(x.Start, CultureInfo.InvariantCulture) && e.Date.End == DateOnly.Parse(x.End, CultureInfo.InvariantCulture)
                    && x.Companies.All(c => e.Companies.Any(ec => CompanyNames.Key(ec.Name) == CompanyNames.Key(c)))),
                ["investments"] = Match(facts.Investments, expected.Investments, (i, x) =>
                    EnumNames.Of(i.Kind) == x.Kind
                    && (x.Amount is null ? i.Amounts.Count == 0 : i.Amounts.Count > 0 && i.Amounts[0].Amount == x.Amount && i.Amounts[0].Currency == x.Currency)
                    && (x.Recipient is null || SameName(i.Recipient?.Name, x.Recipient))
                    && (x.Leads is null || Names(i.Leads).SetEquals(x.Leads.Select(CompanyNames.Key)))
                    && (x.Investors is null || x.Investors.Select(CompanyNames.Key).All(Names(i.Participants).Contains))
                    && (x.Listing is null || (i.Listing is { } listing && EnumNames.Of(listing) == x.Listing))),
                ["valuations"] = Match(facts.Valuations, expected.Valuations, (v, x) =>
                    SameName(v.Company.Name, x.Company) && v.Amount == x.Amount && v.Currency == x.Currency),
                ["names"] = Match(
                    facts.Companies.SelectMany(c => c.Aliases.Select(a => new[] { a, c.Company.Name }))
                        .Concat(facts.Companies.Where(c => c.Parent is not null).Select(c => new[] { c.Company.Name, "parent " + c.Parent!.Name })),
                    expected.Aliases.Select(a => a.ToArray()).Concat(expected.Parents.Select(p => new[] { p[0], "parent " + p[1] })),
                    (found, label) => SameName(found[0], label[0]) && SameName(found[1], label[1])),
            };
            foreach (var (kind, score) in scores)
            {
                output.WriteLine($"{Path.GetFileName(path)} {kind}: {score}");
                byKind[kind].Add(score);
                total.Add(score);
            }
        }
        foreach (var (kind, score) in byKind)
        {
            output.WriteLine($"ALL {kind}: {score}");
        }
        output.WriteLine($"TOTAL: {total}");

        Assert.True(total.Precision >= MinPrecision, $"Precision {total.Precision:0.000} is below {MinPrecision}: {total}");
        Assert.True(total.Recall >= MinRecall, $"Recall {total.Recall:0.000} is below {MinRecall}: {total}");
    }

    private static bool SameName(string? a, string b) =>
        a is not null && CompanyNames.Key(a.Replace("parent ", string.Empty, StringComparison.Ordinal)) == CompanyNames.Key(b.Replace("parent ", string.Empty, StringComparison.Ordinal))
        && a.StartsWith("parent ", StringComparison.Ordinal) == b.StartsWith("parent ", StringComparison.Ordinal);

    private static HashSet<string> Names(IEnumerable<CompanyIdentity> companies) =>
        companies.Select(c => CompanyNames.Key(c.Name)).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Articles() =>
        Directory.EnumerateFiles(Folder)
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private Score Names(IEnumerable<string> found, IEnumerable<string> expected, Func<string, string> key)
    {
        var got = found.Select(key).ToHashSet(StringComparer.Ordinal);
        var want = expected.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in got.Except(want))
        {
            output.WriteLine($"  unexpected: {extra}");
        }
        foreach (var missing in want.Except(got))
        {
            output.WriteLine($"  missing: {missing}");
        }
        return new Score
        {
            TruePositives = got.Intersect(want).Count(),
            FalsePositives = got.Except(want).Count(),
            FalseNegatives = want.Except(got).Count(),
        };
    }

    private Score Match<TFound, TExpected>(IEnumerable<TFound> found, IEnumerable<TExpected> expected, Func<TFound, TExpected, bool> matches)
        where TFound : notnull
        where TExpected : notnull
    {
        var open = expected.ToList();
        var score = new Score();
        foreach (var item in found)
        {
            var index = open.FindIndex(x => matches(item, x));
            if (index >= 0)
            {
                open.RemoveAt(index);
                score.TruePositives++;
            }
            else
            {
                score.FalsePositives++;
                output.WriteLine($"  unexpected: {Describe(item)}");
            }
        }
        foreach (var missing in open)
        {
            output.WriteLine($"  missing: {JsonSerializer.Serialize(missing)}");
        }
        score.FalseNegatives = open.Count;
        return score;
    }

    private static string Describe(object item) => item switch
    {
        EventFact e => $"event {e.Date.Start:yyyy-MM-dd}..{e.Date.End:yyyy-MM-dd} [{string.Join(", ", e.Companies.Select(c => c.Name))}] {e.Title}",
        InvestmentFact i => $"investment {i.Kind} {string.Join(", ", i.Amounts.Select(a => a.AsReported))} to {i.Recipient?.Name} leads [{string.Join(", ", i.Leads)}] others [{string.Join(", ", i.Participants)}] {i.Listing}",
        ValuationFact v => $"valuation {v.Company.Name} {v.AsReported}",
        string[] pair => string.Join(" → ", pair),
        _ => item.ToString() ?? string.Empty,
    };
}
