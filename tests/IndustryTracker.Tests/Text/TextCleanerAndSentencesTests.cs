using IndustryTracker.Core.Text;

namespace IndustryTracker.Tests.Text;

public sealed class TextCleanerAndSentencesTests
{
    [Theory]
    [InlineData("By [Chengyi Lin](#) , INSEAD", "By Chengyi Lin, INSEAD")]
    [InlineData("4. **Practicing frugal innovation**", "4. Practicing frugal innovation")]
    [InlineData(@"exceeded US\$912 billion", "exceeded US$912 billion")]
    [InlineData("two  spaces\tand a tab", "two spaces and a tab")]
    [InlineData("## Heading", "Heading")]
    public void Lines_lose_markdown(string line, string clean) =>
        Assert.Equal(clean, TextCleaner.CleanLine(line));

    [Fact]
    public void Html_and_script_are_stripped_and_autolinks_keep_their_url()
    {
        var text = "<p>Hello <b>world</b></p>\n<script>alert('x')</script>\n<https://example.com/a>\n<style>p{}</style>A &amp; B";

        var clean = TextCleaner.StripHtml(text);

        Assert.DoesNotContain("<", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", clean, StringComparison.Ordinal);
        Assert.Contains("Hello world", clean, StringComparison.Ordinal);
        Assert.Contains("https://example.com/a", clean, StringComparison.Ordinal);
        Assert.Contains("A & B", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_do_not_break_at_abbreviations()
    {
        var sentences = Sentences.Split("China National Petroleum Corp. (CNPC) pivoted. U.S. firms on Feb. 16 reacted! Did they?");

        Assert.Equal(["China National Petroleum Corp. (CNPC) pivoted.", "U.S. firms on Feb. 16 reacted!", "Did they?"], sentences);
    }

    [Fact]
    public void The_containing_sentence_is_found_by_position()
    {
        const string text = "First one. Second names Baidu here. Third.";

        Assert.Equal("Second names Baidu here.", Sentences.Containing(text, text.IndexOf("Baidu", StringComparison.Ordinal)));
    }
}
