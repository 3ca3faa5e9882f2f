using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Import;
using static IndustryTracker.Tests.Import.ProseEventTests;

namespace IndustryTracker.Tests.Import;

/// <summary>Companies the reference list does not know, found by how the text introduces them.</summary>
public sealed class CompanyDiscoveryTests
{
    [Theory]
    [InlineData("Said Lin, chief analyst at Qianfan Insight, a technology research firm.", "Qianfan Insight", CompanyCategory.Research)]
    [InlineData("Deep Pine, a Shenzhen-based startup, ships robots.", "Deep Pine", CompanyCategory.Other)]
    [InlineData("The round was led by Lanting Capital and Harbor Bay Ventures.", "Harbor Bay Ventures", CompanyCategory.Investor)]
    [InlineData("Chipmakers such as Alibaba-backed Tianshu Zhixin ship cards.", "Tianshu Zhixin", CompanyCategory.Other)]
    [InlineData("Its partner, Gansu Northern Cloud Data, runs the servers.", "Gansu Northern Cloud Data", CompanyCategory.CloudMaas)]
    [InlineData("Jiangnan Semiconductor is hiring.", "Jiangnan Semiconductor", CompanyCategory.Chipmaker)]
    public void Structure_introduces_unknown_companies(string sentence, string name, CompanyCategory category)
    {
        var facts = Extract("Discovery\n" + sentence + "\n");

        var fact = Assert.Single(facts.Companies, c => c.Company.Name == name);
        Assert.Equal(category, fact.Company.Discovered?.Category);
    }

    [Fact]
    public void A_based_appositive_gives_the_city()
    {
        var facts = Extract("Discovery\nDeep Pine, a Shenzhen-based startup, ships robots.\n");

        Assert.Equal("Shenzhen", Assert.Single(facts.Companies).Company.Discovered?.City);
    }

    [Theory]
    [InlineData("Premier Li Qiang met Liang Wenfeng in Beijing.")]
    [InlineData("Microsoft CEO Satya Nadella praised the model.")]
    [InlineData("China's Open-Source AI Strategy: A Long-Term Play")]
    [InlineData("DIGEST HUB")]
    [InlineData("Separately, a national fund was set up for chips.")]
    [InlineData("Meanwhile, a rival startup cut prices.")]
    [InlineData("The Chinese Communist Party and the U.S. Congress disagree.")]
    public void People_places_headings_and_bodies_are_not_discovered(string text)
    {
        var facts = Extract("Discovery\n" + text + "\nMore text follows here for the body of it.\n");

        Assert.All(facts.Companies, c => Assert.Null(c.Company.Discovered));
    }

    [Fact]
    public void Backed_by_is_an_investor_relation_not_a_parent()
    {
        var facts = Extract("Chips\nTencent-backed Enflame said it supports the model.\n");

        var enflame = Assert.Single(facts.Companies, c => c.Company.Name == "Enflame");
        Assert.NotEqual("Tencent", enflame.Company.Reference?.Parent);
        Assert.Contains(facts.Companies, c => c.Company.Name == "Tencent");
    }
}
