using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Tests.Import;

public sealed class RulesTests
{
    [Theory]
    [InlineData("ByteDance recruited a former vice president of a rival.", EventCategory.Hiring)]
    [InlineData("Acme launched a chatbot powered by DeepSeek-R1.", EventCategory.IntegrationAdoption)]
    [InlineData("Zenith rolled out Qwen-powered search in its maps app.", EventCategory.IntegrationAdoption)]
    [InlineData("Acme launched a chatbot of its own.", EventCategory.ProductLaunch)]
    [InlineData("Acme quietly rolled out a search function.", EventCategory.ProductLaunch)]
    [InlineData("Acme integrated DeepSeek into its app.", EventCategory.IntegrationAdoption)]
    [InlineData("Governments in several cities integrated DeepSeek into public services.", EventCategory.IntegrationAdoption)]
    [InlineData("Acme announced a 380 billion yuan investment over three years.", EventCategory.Investment)]
    [InlineData("Acme raised pre-Series A funding.", EventCategory.Investment)]
    [InlineData("Acme partnered with Beta to expand deployment.", EventCategory.Partnership)]
    [InlineData("Italy banned the app over privacy concerns.", EventCategory.PolicyRegulation)]
    [InlineData("Acme moved search to its chatbot due to computing power demand.", EventCategory.Infrastructure)]
    [InlineData("Something happened.", EventCategory.Other)]
    public void Events_are_categorised_by_keywords(string text, EventCategory category) =>
        Assert.Equal(category, EventClassifier.Classify(text));

    [Theory]
    [InlineData("adoption of DeepSeek-R1 grew", "DeepSeek-R1")]
    [InlineData("full-scale DeepSeek-R-1 powered models", "DeepSeek-R1")]
    [InlineData("DeepSeek's R1 inference services", "DeepSeek-R1")]
    [InlineData("the next generation, DeepSeek-R2, anticipated soon", "DeepSeek-R2")]
    [InlineData("the Qwen2.5-Max model", "Qwen2.5-Max")]
    [InlineData("The Ernie 4.5 model is set for release", "Ernie 4.5")]
    [InlineData("more than GPT-4 Turbo costs", "GPT-4 Turbo")]
    [InlineData("Alibaba's Qwen-72B, have", "Qwen-72B")]
    [InlineData("a hypothetical Hunyuan-T2 launch", "Hunyuan-T2")]
    public void Models_are_recognised_by_reference_and_brand_pattern(string text, string model)
    {
        var catalog = ModelCatalog.Build(ReferenceData.Default, []);

        var match = Assert.Single(catalog.Find(text));

        Assert.Equal(model, match.Value.Name);
    }

    [Theory]
    [InlineData("DeepSeek has shaken up the industry")]
    [InlineData("DeepSeek-compatible AI devices")]
    [InlineData("its Ernie program")]
    [InlineData("DeepSeek in 2025")]
    public void Brand_words_alone_are_not_models(string text) =>
        Assert.Empty(ModelCatalog.Build(ReferenceData.Default, []).Find(text));

    [Fact]
    public void Pattern_models_get_the_brand_developer_and_reference_models_their_status()
    {
        var catalog = ModelCatalog.Build(ReferenceData.Default, []);

        var r2 = Assert.Single(catalog.Find("DeepSeek-R2")).Value;
        var unknown = Assert.Single(catalog.Find("Qwen3-Max")).Value;

        Assert.Equal("DeepSeek", r2.DeveloperName);
        Assert.Equal(AiModelStatus.Anticipated, r2.Reference?.Status);
        Assert.Equal("Alibaba", unknown.DeveloperName);
        Assert.Null(unknown.Reference);
    }

    [Fact]
    public void Reference_lists_are_embedded_and_consistent()
    {
        var reference = ReferenceData.Default;
        var names = reference.Companies.Select(c => c.Key).ToHashSet();

        Assert.True(reference.Companies.Count >= 40);
        Assert.Equal(reference.Companies.Count, names.Count);
        Assert.All(reference.Companies.Where(c => c.Parent is not null), c => Assert.Contains(Core.Text.CompanyNames.Key(c.Parent!), names));
        Assert.All(reference.Models.Where(m => m.Developer is not null), m => Assert.Contains(Core.Text.CompanyNames.Key(m.Developer!), names));
        Assert.All(reference.Brands, b => Assert.Contains(Core.Text.CompanyNames.Key(b.Developer), names));
        Assert.Equal("Baidu", reference.Companies.Single(c => c.Name == "Kunlunxin").Parent);
        Assert.Equal("ByteDance", reference.Companies.Single(c => c.Name == "Volcano Engine").Parent);
        Assert.Contains(reference.Companies.Single(c => c.Name == "Amazon Web Services").Aliases, a => a is { Name: "AWS", Kind: Core.Companies.AliasKind.Abbreviation });
        Assert.Contains(reference.Companies.Single(c => c.Name == "China National Petroleum Corp").Aliases, a => a is { Name: "CNPC", Kind: Core.Companies.AliasKind.Abbreviation });
    }

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 32, 10, 9, 13, 10 }, "only whitespace")]
    [InlineData(new byte[] { 72, 105, 0, 33 }, "binary")]
    [InlineData(new byte[] { 72, 105, 0xC3, 0x28 }, "not valid UTF-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41 }, "not valid UTF-8")]
    public void Bad_bytes_are_rejected_with_a_clear_message(byte[] content, string expected)
    {
        var result = ArticleDecoder.Decode(content);

        Assert.Null(result.Text);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_content_is_rejected_and_a_bom_is_dropped()
    {
        Assert.Contains("too large", ArticleDecoder.Decode(new byte[101], maxBytes: 100).Error, StringComparison.Ordinal);
        Assert.Equal("Hi", ArticleDecoder.Decode([0xEF, 0xBB, 0xBF, (byte)'H', (byte)'i']).Text);
    }
}
