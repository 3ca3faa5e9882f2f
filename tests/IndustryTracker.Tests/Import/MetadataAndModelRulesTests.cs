using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Import;
using static IndustryTracker.Tests.Import.ProseEventTests;

namespace IndustryTracker.Tests.Import;

public sealed class MetadataAndModelRulesTests
{
    [Fact]
    public void Staff_bios_at_the_end_give_the_authors_and_the_publication_without_its_group()
    {
        var parsed = ArticleParser.Parse("""
            Chip race heats up
            Chinese vendors shipped more accelerators this year than last.
            Analysts expect the gap to narrow further.
            Wen Park is a senior news writer covering chips. Prior to joining Informa TechTarget, she was a reporter.
            Li Na is an Informa TechTarget news writer covering AI software.
            """, TestContext.Current.CancellationToken).Article!;

        Assert.Equal("Wen Park and Li Na", parsed.Author);
        Assert.Equal("TechTarget", parsed.Publisher);
    }

    [Fact]
    public void A_publication_subdomain_of_the_byline_organisation_names_the_publisher()
    {
        var parsed = ArticleParser.Parse("""

            How start-ups scale in Asia

            By [Mei Tan](#) , HKUST

            A short essay about **scaling** start-ups across the region.

            Find article at

            <https://insights.hkust.edu/strategy/scaling-asia>
            """, TestContext.Current.CancellationToken).Article!;

        Assert.Equal("HKUST Insights", parsed.Publisher);
        Assert.Equal("Mei Tan", parsed.Author);
        Assert.Equal("https://insights.hkust.edu/strategy/scaling-asia", parsed.Url);
        Assert.DoesNotContain("**", parsed.CleanText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_line_is_read_and_not_kept_as_text()
    {
        var parsed = ArticleParser.Parse("Chips\nPublished: March 2, 2026\nCambricon shipped a new accelerator to customers.\n", TestContext.Current.CancellationToken).Article!;

        Assert.Equal(new DateOnly(2026, 3, 2), parsed.PublishedOn);
        Assert.DoesNotContain("Published", parsed.CleanText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_naming_one_unknown_model_states_open_weights_and_anticipation()
    {
        var facts = Extract("""
            Model news
            Zhipu AI released GLM-7 as an open-source model to developers.
            The next generation, Kimi-K9, is anticipated before the summer.
            """);

        var glm = Assert.Single(facts.Models, m => m.Model.Name == "GLM-7");
        Assert.Equal(Accessibility.OpenWeights, glm.StatedAccessibility);
        Assert.Equal("Zhipu AI", glm.Developer?.Name);
        var kimi = Assert.Single(facts.Models, m => m.Model.Name == "Kimi-K9");
        Assert.Equal(AiModelStatus.Anticipated, kimi.StatedStatus);
        Assert.Null(kimi.StatedAccessibility);
    }
}
