using System.Globalization;
using System.Text;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Reference;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// A long article is read like a short one: a 1 MB article on one line (and on many lines) parses and every fact
/// its sentences state is extracted once, with repeated statements merged. The time it takes is measured in
/// docs/benchmarks.md, not here; the line count is no longer limited (only the size).
/// </summary>
public sealed class LongArticleTests
{
    private const int TargetBytes = 1024 * 1024;

    internal static string Article(bool oneLine)
    {
        var text = new StringBuilder("A long report on China AI funding\nBy Test Writer, Bench Wire, March 6, 2026\n\n");
        for (var i = 0; text.Length < TargetBytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"StepFun raised ${i % 40 + 100} million in a Series B round led by Tencent and Lakeshore Capital on Tuesday. ")
                .Append(CultureInfo.InvariantCulture, $"Zhipu AI released GLM-4.{i % 9} in November, and in January it signed a cloud agreement with Alibaba Cloud. ")
                .Append(CultureInfo.InvariantCulture, $"Moonshot AI, a Beijing start-up, has closed a funding round that values it at US${i % 5 + 1}.5 billion. ")
                .Append("The company, known in Chinese as Yuezhi Anmian, said revenue had grown. ")
                .Append(CultureInfo.InvariantCulture, $"Analysts in Hangzhou said paragraph {i} of the report was about chips from Alibaba's chip unit, T-Head. ")
                .Append(oneLine ? string.Empty : "\n\n");
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_1_MB_article_parses_and_each_fact_is_extracted_once(bool oneLine)
    {
        var text = Article(oneLine);
        Assert.True(Encoding.UTF8.GetByteCount(text) >= TargetBytes);
        Assert.Null(ArticleDecoder.Decode(Encoding.UTF8.GetBytes(text)).Error);

        var parsed = ArticleParser.Parse(text, TestContext.Current.CancellationToken);
        Assert.Null(parsed.Error);
        var article = parsed.Article!;
        Assert.Equal(new DateOnly(2026, 3, 6), article.PublishedOn);
        if (oneLine)
        {
            Assert.Single(article.Paragraphs);
        }
        var directory = CompanyDirectory.Build(ReferenceData.Default, [], article.Profiles);
        var facts = FactExtractor.Extract(article, directory, ModelCatalog.Build(ReferenceData.Default, []), cancellationToken: TestContext.Current.CancellationToken);

        var rounds = facts.Investments.Where(i => i.Recipient?.Name == "StepFun").ToList();
        Assert.Equal(40, rounds.Count);
        Assert.All(rounds, r => Assert.Equal(["Tencent", "Lakeshore Capital"], r.Leads.Select(l => l.Name)));
        Assert.Equal(Enumerable.Range(100, 40).Select(m => m * 1_000_000m), rounds.Select(r => r.Amounts[0].Amount).Order());
        Assert.Equal(5, facts.Valuations.Count(v => v.Company.Name == "Moonshot AI"));
        Assert.Equal(9, facts.Models.Count(m => m.Model.Name.StartsWith("GLM-4.", StringComparison.Ordinal)));
        Assert.Equal("Moonshot AI", directory.Resolve("Yuezhi Anmian")?.Name);
        Assert.Equal("Alibaba", facts.Companies.Single(c => c.Company.Name == "T-Head").Parent?.Name);
        Assert.Contains(facts.Events, e => e.Date.Start == new DateOnly(2026, 3, 3) && e.Companies.Any(c => c.Name == "StepFun"));
        Assert.Contains(facts.Events, e => e.Date.Start == new DateOnly(2025, 11, 1) && e.Companies.Any(c => c.Name == "Zhipu AI"));
        Assert.DoesNotContain(facts.Companies, c => c.Company.Name is "Hangzhou" or "Yuezhi Anmian" or "Bench Wire");
    }

    [Fact]
    public void A_file_of_100000_short_lines_is_not_rejected_for_its_line_count()
    {
        var text = new StringBuilder("Many Lines\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("x\n");
        }

        var result = ArticleDecoder.Decode(Encoding.UTF8.GetBytes(text.ToString()));

        Assert.Null(result.Error);
        Assert.NotNull(result.Text);
    }
}
