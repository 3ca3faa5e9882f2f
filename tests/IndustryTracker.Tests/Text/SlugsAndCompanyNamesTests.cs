using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Tests.Text;

public sealed class SlugsAndCompanyNamesTests
{
    [Theory]
    [InlineData("Amazon Web Services", "amazon-web-services")]
    [InlineData("01.AI", "01-ai")]
    [InlineData("China National Petroleum Corp.", "china-national-petroleum-corp")]
    [InlineData("  WuWen Xinqiong ", "wuwen-xinqiong")]
    [InlineData("Qwen2.5-Max", "qwen2-5-max")]
    [InlineData("Sinopec & Co", "sinopec-co")]
    [InlineData("Nestlé", "nestle")]
    public void Slugs_are_lowercase_words_joined_by_dashes(string name, string slug) =>
        Assert.Equal(slug, Slugs.From(name));

    [Theory]
    [InlineData("China National Petroleum Corp.", "China National Petroleum")]
    [InlineData("China National Petroleum Corporation", "china national petroleum corp")]
    [InlineData("Sinochem Group", "Sinochem")]
    [InlineData("Tencent Holdings Ltd.", "Tencent")]
    [InlineData("ByteDance", "Bytedance")]
    [InlineData("DeepSeek", "Deepseek")]
    [InlineData("01.AI", "01 AI")]
    [InlineData("Lenovo Group Inc", "LENOVO")]
    public void Name_keys_fold_case_punctuation_and_legal_suffixes(string a, string b) =>
        Assert.Equal(CompanyNames.Key(a), CompanyNames.Key(b));

    [Theory]
    [InlineData("China Mobile", "China Unicom")]
    [InlineData("Amazon", "Amazon Web Services")]
    [InlineData("Baidu", "Baidus")]
    public void Different_companies_keep_different_keys(string a, string b) =>
        Assert.NotEqual(CompanyNames.Key(a), CompanyNames.Key(b));

    [Fact]
    public void A_lone_legal_word_is_kept_as_the_key()
    {
        Assert.Equal("group", CompanyNames.Key("Group"));
    }

    [Fact]
    public void A_company_answers_to_its_aliases_by_key()
    {
        var company = new Company("Amazon Web Services", CompanyCategory.CloudMaas);
        Assert.True(company.AddAlias("AWS", AliasKind.Abbreviation));
        Assert.False(company.AddAlias("aws", AliasKind.Alias));
        Assert.False(company.AddAlias("Amazon Web Services Inc.", AliasKind.Alias));

        Assert.True(company.AnswersTo("aws"));
        Assert.True(company.AnswersTo("amazon web services"));
        Assert.False(company.AnswersTo("Amazon"));
    }
}
