using BenchmarkDotNet.Attributes;
using IndustryTracker.Core.Import;

namespace IndustryTracker.Benchmarks;

/// <summary>The importer's CPU hot path without a database: parse an article, then extract its facts.</summary>
[MemoryDiagnoser]
public class ImporterBenchmarks
{
    private string _seed = string.Empty;
    private string _long = string.Empty;
    private ParsedArticle _seedParsed = null!;
    private ParsedArticle _longParsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seed = Articles.Seed();
        _long = Articles.Long(100 * 1024);
        _seedParsed = ArticleParser.Parse(_seed).Article ?? throw new InvalidOperationException("The seed article does not parse.");
        _longParsed = ArticleParser.Parse(_long).Article ?? throw new InvalidOperationException("The 100 KB article does not parse.");
    }

    [Benchmark]
    public ParseResult ParseSeedArticle() => ArticleParser.Parse(_seed);

    [Benchmark]
    public ParseResult Parse100KbArticle() => ArticleParser.Parse(_long);

    [Benchmark]
    public ArticleFacts ExtractSeedArticle() => Extract(_seedParsed);

    [Benchmark]
    public ArticleFacts Extract100KbArticle() => Extract(_longParsed);

    private static ArticleFacts Extract(ParsedArticle article)
    {
        var reference = IndustryTracker.Core.Import.Reference.ReferenceData.Default;
        var directory = CompanyDirectory.Build(reference, [], article.Profiles);
        return FactExtractor.Extract(article, directory, ModelCatalog.Build(reference, []), reference);
    }
}
