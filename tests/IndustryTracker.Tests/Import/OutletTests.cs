using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Reference;

namespace IndustryTracker.Tests.Import;

/// <summary>News outlets come from seeds/reference/publishers.json and never become companies.</summary>
public sealed class OutletTests
{
    [Fact]
    public void The_embedded_reference_lists_outlets_by_name_key()
    {
        var publishers = ReferenceData.Default.Publishers;

        Assert.True(publishers.IsOutlet("the Financial Times"));
        Assert.True(publishers.IsOutlet("LatePost"));
        Assert.False(publishers.IsOutlet("Lakeshore Capital"));
        Assert.Contains("Informa", publishers.MediaGroups);
    }

    [Fact]
    public void An_outlet_in_an_investor_list_is_not_a_company_but_the_other_investor_is()
    {
        var parsed = ArticleParser.Parse("""
            A round for StepFun

            StepFun raised $50 million in a round backed by Bloomberg and Lakeshore Capital, Chinese outlet LatePost reported.
            """, TestContext.Current.CancellationToken);
        var article = parsed.Article!;

        var facts = FactExtractor.Extract(article, CompanyDirectory.Build(ReferenceData.Default, [], article.Profiles), ModelCatalog.Build(ReferenceData.Default, []), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(facts.Companies, c => c.Company.Name == "Lakeshore Capital");
        Assert.DoesNotContain(facts.Companies, c => c.Company.Name is "Bloomberg" or "LatePost");
        Assert.Equal(["Lakeshore Capital"], Assert.Single(facts.Investments).Participants.Select(c => c.Name));
    }
}

/// <summary>A sentence whose roles cannot be resolved gives no investment and a note instead of a guess.</summary>
public sealed class UnresolvedRoleTests
{
    [Fact]
    public void Money_raised_by_nobody_the_text_names_is_a_note_not_an_investment()
    {
        var parsed = ArticleParser.Parse("""
            Funding news

            Funding for robotics kept flowing this spring. A robotics start-up raised $80 million in a round that closed in April, people familiar with the deal said.
            """, TestContext.Current.CancellationToken);
        var article = parsed.Article!;

        var facts = FactExtractor.Extract(article, CompanyDirectory.Build(ReferenceData.Default, [], article.Profiles), ModelCatalog.Build(ReferenceData.Default, []), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(facts.Investments);
        Assert.Contains(facts.Notes, n => n.Contains("$80 million", StringComparison.Ordinal) && n.Contains("does not say by whom", StringComparison.Ordinal));
    }
}
