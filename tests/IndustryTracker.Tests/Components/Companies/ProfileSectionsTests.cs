using Bunit;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Pages.Companies.Profile;
using IndustryTracker.Web.Components.Shared;

namespace IndustryTracker.Tests.Components.Companies;

/// <summary>The company profile's sections, each its own component, rendered from one profile.</summary>
public sealed class ProfileSectionsTests : ComponentTestContext
{
    private static readonly DateDto February = new("Feb. 24, 2025", "2025-02-24", "2025-02-24", "day");

    private static readonly InvestmentDto Round = new(
        7, "funding-round", ["China Growth Capital", "Puhua Capital", "Other Fund"], ["China Growth Capital", "Puhua Capital"], "SiliconFlow", "pre-Series A",
        null, null, 100_000_000m, "CNY", "over 100 million yuan", true, 13_720_000m, false, 0.1372m, "2025-02-24", "test rate", February,
        [new SourceDto("000_article.txt", 39, "SiliconFlow recently secured over 100 million yuan")]);

    private static readonly CompanyProfile Profile = new(
        new CompanyDto("SiliconFlow", "siliconflow", ["硅基流动", "Silicon Flow"], "infrastructure", "China", null, "An AI infrastructure firm."),
        "Beijing",
        null,
        new CompanyLink("Parent Co", "parent-co"),
        [new CompanyLink("Child Co", "child-co")],
        [new CompanyModel(new ModelDto("Flow-1", "flow-1", "SiliconFlow", "llm", "released", "open-weights", February), [new QuoteDto("000_article.txt", "Cover", 2, "Flow-1 is out")])],
        [Round],
        [],
        [new QuoteDto("000_article.txt", "Cover Story", 39, "SiliconFlow recently secured"), new QuoteDto("001_other.txt", "Other", 4, "SiliconFlow grew"), new QuoteDto("000_article.txt", "Cover Story", 40, "It partnered")],
        new Dictionary<string, string> { ["000_article.txt"] = "Cover Story" },
        [new CompanyRelation("appears-with", "Appears with", new CompanyLink("Huawei", "huawei"), 12, "SiliconFlow launched R1 on Ascend", February)]);

    [Fact]
    public void Facts_show_aliases_headquarters_parent_and_subsidiaries_as_links()
    {
        var cut = Render<CompanyFacts>(p => p.Add(c => c.Profile, Profile));

        Assert.Equal("SiliconFlow", cut.Find("h1#company-name").TextContent);
        Assert.Equal("硅基流动, Silicon Flow", cut.Find("#company-aliases").TextContent);
        Assert.Equal("Beijing", cut.Find("#company-headquarters").TextContent);
        Assert.Equal("companies/parent-co", cut.Find("#company-parent a").GetAttribute("href"));
        Assert.Equal("companies/child-co", cut.Find("#company-subsidiaries a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("#company-founded"));
    }

    [Fact]
    public void A_lower_bound_reads_over_once_and_the_leads_are_marked()
    {
        var cut = Render<CompanyInvestments>(p => p.Add(c => c.Profile, Profile));

        var amount = cut.Find(".investment-amount").TextContent;
        Assert.StartsWith("over 100 million yuan (≈ US$13,720,000)", amount, StringComparison.Ordinal);
        Assert.DoesNotContain("over over", cut.Markup, StringComparison.Ordinal);
        var investors = cut.Find(".investor-list");
        Assert.Equal(["China Growth Capital", "Puhua Capital", "Other Fund"], investors.QuerySelectorAll("a.company-link").Select(a => a.TextContent));
        Assert.Equal(2, investors.QuerySelectorAll(".badge.lead").Length);
    }

    [Fact]
    public void Quotes_are_grouped_by_article_with_paragraph_links()
    {
        var cut = Render<CompanySources>(p => p.Add(c => c.Profile, Profile));

        var groups = cut.FindAll("section.quote-group");
        Assert.Equal(["000_article.txt", "001_other.txt"], groups.Select(g => g.GetAttribute("data-article")));
        Assert.Equal(["paragraph 39", "paragraph 40"], groups[0].QuerySelectorAll("a.source-paragraph").Select(a => a.TextContent));
        Assert.Equal("sources/file/000_article.txt#p40", groups[0].QuerySelectorAll("a.source-paragraph")[1].GetAttribute("href"));
    }

    [Fact]
    public void Models_and_relations_link_to_their_pages()
    {
        var models = Render<CompanyModels>(p => p.Add(c => c.Profile, Profile));
        Assert.Equal("models/flow-1", models.Find("li.company-model[data-model-slug='flow-1'] h3 a").GetAttribute("href"));
        Assert.Equal("“Flow-1 is out”", models.Find("blockquote").TextContent);

        var relations = Render<CompanyRelations>(p => p.Add(c => c.Profile, Profile));
        Assert.Equal("companies/siliconflow#event-12", relations.Find("a.relation-event").GetAttribute("href"));
        Assert.Equal("Appears with", relations.Find("li.relation .badge").TextContent);
    }

    [Fact]
    public void Empty_sections_say_so()
    {
        var empty = Profile with { Events = [], Sources = [], Relations = [] };

        Assert.Contains("No events recorded.", Render<CompanyEvents>(p => p.Add(c => c.Profile, empty)).Markup, StringComparison.Ordinal);
        Assert.Contains("No article quotes this company directly.", Render<CompanySources>(p => p.Add(c => c.Profile, empty)).Markup, StringComparison.Ordinal);
        Assert.Contains("No other company shares an event with SiliconFlow.", Render<CompanyRelations>(p => p.Add(c => c.Profile, empty)).Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("over 100 million yuan", true, "over 100 million yuan")]
    [InlineData("100 million yuan", true, "over 100 million yuan")]
    [InlineData("More than $2 billion", true, "More than $2 billion")]
    [InlineData("380 billion yuan", false, "380 billion yuan")]
    public void The_amount_as_reported_says_over_once(string reported, bool lowerBound, string shown) =>
        Assert.Equal(shown, Display.AsReported(Round with { AsReported = reported, IsLowerBound = lowerBound }));
}
