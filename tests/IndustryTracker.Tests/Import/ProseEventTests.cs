using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Tests.Import;

/// <summary>Prose events on short articles written for these tests.</summary>
public sealed class ProseEventTests
{
    internal static ArticleFacts Extract(string text)
    {
        var parsed = ArticleParser.Parse(text);
        Assert.Null(parsed.Error);
        var article = parsed.Article!;
        return FactExtractor.Extract(article, CompanyDirectory.Build(ReferenceData.Default, [], article.Profiles), ModelCatalog.Build(ReferenceData.Default, []));
    }

    private const string News = """
        Chipmakers race to support new models
        Beijing now hosts dozens of AI start-ups, and the pace is quickening.
        On March 3, 2026, Cambricon said its accelerators run the newest open models.
        In late February Moore Threads signed a deal with China Telecom to supply servers.
        Zhipu AI, the Beijing-based startup founded in March 2019, launched a new assistant last month.
        Its app topped the download charts in early March.
        Alibaba, Tencent and Baidu announced support for the model through their clouds.
        Last week, two provinces restricted the use of foreign chatbots in government offices.
        """;

    [Fact]
    public void A_full_date_in_prose_is_a_day_event_with_the_sentence_as_its_quote()
    {
        var facts = Extract(News);

        var e = Assert.Single(facts.Events, e => e.Companies.Any(c => c.Name == "Cambricon"));
        Assert.Equal((new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), DatePrecision.Day), (e.Date.Start, e.Date.End, e.Date.Precision));
        Assert.Equal("On March 3, 2026, Cambricon said its accelerators run the newest open models.", Assert.Single(e.Sources).Quote);
    }

    [Fact]
    public void A_partial_date_takes_the_year_of_the_latest_exact_date_and_is_approximate()
    {
        var facts = Extract(News);

        var e = Assert.Single(facts.Events, e => e.Companies.Any(c => c.Name == "Moore Threads"));
        Assert.Equal((new DateOnly(2026, 2, 21), new DateOnly(2026, 2, 28), DatePrecision.Approximate), (e.Date.Start, e.Date.End, e.Date.Precision));
        Assert.Contains(e.Companies, c => c.Name == "China Telecom");
        Assert.Equal(EventCategory.Infrastructure, e.Category);
    }

    [Fact]
    public void Founded_in_gives_a_founding_event_and_the_company_founding_date()
    {
        var facts = Extract(News);

        var founding = Assert.Single(facts.Foundings);
        Assert.Equal("Zhipu AI", founding.Company.Name);
        Assert.Equal((new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 31), DatePrecision.Month), (founding.Date.Start, founding.Date.End, founding.Date.Precision));
        Assert.Contains(facts.Events, e => e.Title == "Zhipu AI founded" && e.Date.Start == new DateOnly(2019, 3, 1));
    }

    [Fact]
    public void Relative_dates_count_from_the_latest_past_date_the_article_mentions()
    {
        var facts = Extract(News);

        // The latest past dates run from 3 March (the latest start) to 10 March ("early March", the latest end):
        // last month is February, last week 24 February – 9 March.
        var launch = Assert.Single(facts.Events, e => e.Title.Contains("launched a new assistant", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), DatePrecision.Approximate), (launch.Date.Start, launch.Date.End, launch.Date.Precision));
        var restriction = Assert.Single(facts.Events, e => e.Title.StartsWith("Last week", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2026, 2, 24), new DateOnly(2026, 3, 9)), (restriction.Date.Start, restriction.Date.End));
        Assert.Equal(EventCategory.PolicyRegulation, restriction.Category);
        Assert.Empty(restriction.Companies);
    }

    [Fact]
    public void A_sentence_starting_with_its_involves_the_company_of_the_previous_sentence()
    {
        var facts = Extract(News);

        var e = Assert.Single(facts.Events, e => e.Title.StartsWith("Its app topped", StringComparison.Ordinal));
        Assert.Equal("Zhipu AI", Assert.Single(e.Companies).Name);
    }

    [Fact]
    public void Undated_sentences_are_not_events()
    {
        var facts = Extract(News);

        Assert.DoesNotContain(facts.Events, e => e.Companies.Any(c => c.Name == "Tencent"));
        Assert.DoesNotContain(facts.Events, e => e.Title.StartsWith("Beijing now hosts", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_exact_date_partial_and_relative_dates_are_skipped_never_guessed()
    {
        var facts = Extract("""
            A quiet quarter for chips
            In late January Moore Threads shipped a new card.
            Last month Cambricon cut prices.
            Biren Technology was founded in 2019.
            """);

        Assert.DoesNotContain(facts.Events, e => e.Companies.Any(c => c.Name is "Moore Threads" or "Cambricon"));
        Assert.Contains(facts.Events, e => e.Title == "Biren Technology founded" && e.Date.Precision == DatePrecision.Year);
    }

    [Fact]
    public void A_published_line_is_the_reference_and_rolls_a_later_partial_date_back_a_year()
    {
        var facts = Extract("""
            Chip stocks slide
            Published Feb. 12, 2026
            In late November Cambricon opened a lab in Xi'an.
            Last month Moore Threads hired a new chief scientist.
            """);

        var lab = Assert.Single(facts.Events, e => e.Companies.Any(c => c.Name == "Cambricon"));
        Assert.Equal(new DateOnly(2025, 11, 21), lab.Date.Start);
        var hire = Assert.Single(facts.Events, e => e.Companies.Any(c => c.Name == "Moore Threads"));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), DatePrecision.Month), (hire.Date.Start, hire.Date.End, hire.Date.Precision));
        Assert.Equal(EventCategory.Hiring, hire.Category);
    }

    [Fact]
    public void A_timeline_entry_and_a_prose_sentence_saying_the_same_thing_are_one_event_with_both_quotes()
    {
        var facts = Extract("""
            Cover Story: A busy spring
            [para. 1] On April 2, 2026, Zhipu AI partnered with China Unicom to deploy its models in data centres.
            - April 2, 2026:
            - Zhipu AI partnered with China Unicom to deploy its models in regional data centres.
            """);

        var e = Assert.Single(facts.Events);
        Assert.Equal(2, e.Sources.Count);
        Assert.True(e.FromTimeline);
        Assert.Equal(["China Unicom", "Zhipu AI"], e.Companies.Select(c => c.Name).Order());
    }

    [Fact]
    public void Set_for_release_on_a_day_is_the_model_announced_release_date()
    {
        var facts = Extract("""
            Cover Story: Launch season
            - February 20, 2026:
            - Baidu launched a new search feature.
            - Baidu
            - Baidu runs search and cloud services. The Ernie 5.5 model is set for release on March 16, and the company expects strong demand.
            """);

        var release = Assert.Single(facts.ModelReleases);
        Assert.Equal("Ernie 5.5", release.Model.Name);
        Assert.Equal(AiModelStatus.Announced, release.Status);
        Assert.Equal((new DateOnly(2026, 3, 16), DatePrecision.Approximate), (release.Date.Start, release.Date.Precision));
    }

    [Fact]
    public void A_second_dated_clause_is_titled_on_its_own_with_its_pronoun_subject_named()
    {
        var facts = Extract("""
            Cloud deals of the season
            By Test Writer, Bench Wire, March 6, 2026

            Analysts said Baidu had the busiest year.
            Zhipu AI released GLM-4.5 in July, and in January it signed a cloud agreement with Alibaba Cloud.
            """);

        var titles = facts.Events.Select(e => e.Title).ToList();
        // "it" is the company the sentence opens with, not the one the text named before.
        var signed = Assert.Single(facts.Events, e => e.Title.Contains("signed", StringComparison.Ordinal));
        Assert.Equal(["Zhipu AI", "Alibaba Cloud"], signed.Companies.Select(c => c.Name));
        Assert.Contains("Zhipu AI released GLM-4.5 in July", titles);
        Assert.Contains("In January Zhipu AI signed a cloud agreement with Alibaba Cloud.", titles);
        Assert.DoesNotContain(titles, t => t.StartsWith(',') || t.StartsWith(';'));
    }

    [Theory]
    [InlineData(", and in January it signed a deal.", "In January Zhipu AI signed a deal.")]
    [InlineData("; the company later opened an office.", "Zhipu AI later opened an office.")]
    [InlineData(", but it's unclear when.", "It's unclear when.")] // "it's" is no subject to replace; only the break goes
    [InlineData(", while the company's rivals waited.", "The company's rivals waited.")]
    [InlineData("Zhipu AI released GLM-4.5 in July", null)] // already a title
    public void A_clause_title_drops_the_break_and_names_its_pronoun_subject(string clause, string? expected)
    {
        var zhipu = CompanyDirectory.Build(ReferenceData.Default, [], []).Resolve("Zhipu AI");

        Assert.Equal(expected, ProseEventExtractor.Titled(clause, zhipu));
    }
}
