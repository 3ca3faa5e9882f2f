using IndustryTracker.Core.Text;

namespace IndustryTracker.Tests.Text;

public sealed class PhraseMatcherTests
{
    private static PhraseMatcher<string> Matcher()
    {
        var matcher = new PhraseMatcher<string>();
        matcher.Add("DeepSeek", "deepseek");
        matcher.Add("Baidu", "baidu");
        matcher.Add("Kunlunxin", "kunlunxin");
        matcher.Add("Amazon", "amazon", properNounOnly: true);
        matcher.Add("Amazon Web Services", "aws");
        matcher.Add("AWS", "aws");
        matcher.Add("01.AI", "01ai");
        matcher.Add("China Mobile", "chinamobile");
        return matcher;
    }

    private static List<string> Find(string text) => Matcher().FindAll(text).Select(m => m.Value).ToList();

    [Fact]
    public void Matching_is_case_insensitive_and_whole_word()
    {
        Assert.Equal(["deepseek", "deepseek"], Find("Deepseek and DEEPSEEK"));
        Assert.Empty(Find("DeepSeekers and Baiduism"));
    }

    [Fact]
    public void Lost_apostrophe_possessives_match()
    {
        var matches = Matcher().FindAll("Baidus Kunlunxin ran DeepSeeks model");

        Assert.Equal(["baidu", "kunlunxin", "deepseek"], matches.Select(m => m.Value));
        Assert.Equal("Baidu", matches[0].Text);
        Assert.Equal("DeepSeek", matches[2].Text);
    }

    [Fact]
    public void The_longest_name_wins()
    {
        Assert.Equal(["aws", "amazon"], Find("Amazon Web Services, a unit of Amazon"));
    }

    [Fact]
    public void Names_split_by_a_comma_or_line_break_do_not_match()
    {
        Assert.Empty(Find("China, Mobile phones"));
        Assert.Empty(Find("China\nMobile"));
        Assert.Equal(["chinamobile"], Find("China Mobile's network"));
    }

    [Fact]
    public void Punctuation_inside_names_is_folded()
    {
        Assert.Equal(["01ai"], Find("his venture 01.ai debuted"));
        Assert.Equal(["deepseek"], Find("Tencent-backed DeepSeek-compatible"));
    }

    [Fact]
    public void Proper_noun_only_names_need_a_capital()
    {
        Assert.Equal(["amazon"], Find("Amazon shares"));
        Assert.Empty(Find("the amazon rainforest"));
    }

    [Fact]
    public void Match_positions_point_at_the_text()
    {
        const string text = "Shares of Baidu rose.";
        var match = Assert.Single(Matcher().FindAll(text));

        Assert.Equal("Baidu", text.Substring(match.Start, match.Length));
    }
}
