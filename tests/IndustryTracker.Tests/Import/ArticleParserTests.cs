using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;

namespace IndustryTracker.Tests.Import;

public sealed class ArticleParserTests
{
    // A small article in the cover-story shape, written for these tests.
    private const string CoverStory = """
        Cover Story: Robots Take Over Shenzhen Warehouses
        Listen to the full version

        Warehouse robots spread quickly this spring.

        Unlock exclusive discounts with a Gazette group subscription — ideal for teams.
        Subscribe to both Gazette Global and The Daily — for the price of one.
        - DIGEST HUB
        - Robots are everywhere and this bullet is a digest summary that must not be kept.
        - Another digest bullet that names Acme Robotics and must be skipped.
        [para. 1] Acme Robotics launched a **picking arm** in [Shenzhen](#).
        [para. 2] Beta Logistics adopted it. Prices fell.
        - Acme Robotics
        - Acme Robotics is a maker of warehouse robots based in Shenzhen that launched a picking arm.
        - Beta Logistics Co.
        - Beta Logistics Co. is a logistics firm that adopted the arm in its warehouses.
        - March 3, 2025:
        - Acme Robotics launched its picking arm.
        - Early April, 2025:
        - Beta Logistics integrated the arm into three warehouses.
        - PODCAST
        - MOST POPULAR
        """;

    private static ParsedArticle Parse(string text)
    {
        var result = ArticleParser.Parse(text);
        Assert.Null(result.Error);
        return result.Article!;
    }

    [Fact]
    public void The_title_is_the_first_line_and_boilerplate_is_dropped()
    {
        var article = Parse(CoverStory);

        Assert.Equal("Cover Story: Robots Take Over Shenzhen Warehouses", article.Title);
        Assert.Equal("Gazette", article.Publisher);
        Assert.DoesNotContain("Listen to", article.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe", article.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("Unlock", article.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("digest", article.CleanText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("PODCAST", article.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("MOST POPULAR", article.CleanText, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbered_paragraphs_keep_their_number_and_other_blocks_follow_the_last_one()
    {
        var article = Parse(CoverStory);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], article.Paragraphs.Select(p => p.Number).Order());
        Assert.Equal("Acme Robotics launched a picking arm in Shenzhen.", article.Paragraphs.Single(p => p.Number == 1).Text);
        var lede = article.Paragraphs.Single(p => p.Text.StartsWith("Warehouse robots", StringComparison.Ordinal));
        Assert.Equal(3, lede.Number);
        Assert.Equal([4, 5], article.Profiles.Select(p => p.Paragraph));
        Assert.Equal([6, 7], article.Timeline.Select(t => t.Paragraph));
    }

    [Fact]
    public void Profiles_pair_a_short_name_line_with_its_description()
    {
        var article = Parse(CoverStory);

        Assert.Equal(["Acme Robotics", "Beta Logistics Co."], article.Profiles.Select(p => p.Name));
        Assert.StartsWith("Acme Robotics is a maker", article.Profiles[0].Description, StringComparison.Ordinal);
        Assert.Equal(BlockKind.Profile, article.Paragraphs.Single(p => p.Number == 4).Kind);
        Assert.Equal("Acme Robotics: " + article.Profiles[0].Description, article.Paragraphs.Single(p => p.Number == 4).StoredText);
    }

    [Fact]
    public void Timeline_entries_pair_a_date_label_with_the_event()
    {
        var article = Parse(CoverStory);

        Assert.Collection(
            article.Timeline,
            t =>
            {
                Assert.Equal(new FuzzyDate("March 3, 2025", new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 3), DatePrecision.Day), t.Date);
                Assert.Equal("Acme Robotics launched its picking arm.", t.Text);
            },
            t =>
            {
                Assert.Equal(new DateOnly(2025, 4, 1), t.Date.Start);
                Assert.Equal(new DateOnly(2025, 4, 10), t.Date.End);
                Assert.Equal(DatePrecision.PartOfMonth, t.Date.Precision);
            });
    }

    [Fact]
    public void A_bad_timeline_date_is_not_an_event_and_is_reported()
    {
        var article = Parse("""
            Title Line
            [para. 1] Text.
            - Feb. 30, 2025:
            - Something happened on a day that does not exist.
            """);

        Assert.Empty(article.Timeline);
        Assert.Contains(article.Warnings, w => w.Contains("Feb. 30, 2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Headings_and_sentence_bullets_are_not_profile_names()
    {
        Assert.True(ArticleBlockReader.IsProfileName("WuWen Xinqiong"));
        Assert.True(ArticleBlockReader.IsProfileName("China National Petroleum Corp."));
        Assert.True(ArticleBlockReader.IsProfileName("01.AI"));
        Assert.True(ArticleBlockReader.IsProfileName("CNPC"));
        Assert.False(ArticleBlockReader.IsProfileName("DIGEST HUB"));
        Assert.False(ArticleBlockReader.IsProfileName("MOST POPULAR"));
        Assert.False(ArticleBlockReader.IsProfileName("The market fell."));
        Assert.False(ArticleBlockReader.IsProfileName("Tencent, Baidu and Alibaba"));
        Assert.False(ArticleBlockReader.IsProfileName("lowercase start"));
    }

    [Fact]
    public void Prose_lines_are_numbered_in_order_and_layout_breaks_are_joined()
    {
        var article = Parse("""
            A Prose Title

            By [Jane Roe](#) , Example School

            First paragraph ends here.

            The second paragraph was broken by the layout in the middle of its

            sentence and continues here.
            Related article
            Some other story headline
            Find article at

            <https://example.com/story>

            About the author(s)

            Jane Roe writes things.
            """);

        Assert.Equal("Jane Roe", article.Author);
        Assert.Equal("Example School", article.Publisher);
        Assert.Equal("https://example.com/story", article.Url);
        Assert.Equal(
            ["First paragraph ends here.", "The second paragraph was broken by the layout in the middle of its sentence and continues here."],
            article.Paragraphs.Select(p => p.Text));
        Assert.Equal([1, 2], article.Paragraphs.Select(p => p.Number));
    }

    [Fact]
    public void Title_after_leading_boilerplate_and_html_is_stripped()
    {
        var article = Parse("""
            Discover top fintech news and events!
            Subscribe to Example Weekly's newsletter
            <h1>The Real Title</h1>
            <script>document.write('evil')</script><p>Body <b>text</b> here.</p>
            """);

        Assert.Equal("The Real Title", article.Title);
        Assert.Equal("Example Weekly", article.Publisher);
        Assert.Equal("Body text here.", Assert.Single(article.Paragraphs).Text);
        Assert.DoesNotContain("evil", article.CleanText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Listen to the full version\nSubscribe to everything")]
    [InlineData("Only A Title")]
    public void Text_without_a_title_or_body_is_rejected(string text)
    {
        var result = ArticleParser.Parse(text, TestContext.Current.CancellationToken);

        Assert.Null(result.Article);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }
}
