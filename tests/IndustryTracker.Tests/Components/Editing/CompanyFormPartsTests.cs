using Bunit;
using IndustryTracker.Web.Components.Pages.Companies;
using IndustryTracker.Web.Components.Pages.Events;

namespace IndustryTracker.Tests.Components.Editing;

/// <summary>The alias rows of the company form and the event form's "create a company".</summary>
public sealed class CompanyFormPartsTests : ComponentTestContext
{
    [Fact]
    public void Aliases_are_added_and_removed_in_the_forms_list()
    {
        var aliases = new List<CompanyEditPage.AliasRow> { new() { Name = "DS", Kind = "abbreviation" } };
        var cut = Render<AliasEditor>(p => p.Add(c => c.Aliases, aliases));

        cut.Find("#alias-add").Click();
        Assert.Equal(2, aliases.Count);
        Assert.Equal("alias", aliases[1].Kind);
        cut.Find("#alias-name-1").Change("DeepSeek AI");
        Assert.Equal("DeepSeek AI", aliases[1].Name);

        cut.Find("button[aria-label='Remove alias DS']").Click();
        Assert.Equal(["DeepSeek AI"], aliases.Select(a => a.Name));
    }

    [Fact]
    public void Alias_errors_are_announced_under_the_rows()
    {
        var cut = Render<AliasEditor>(p => p.Add(c => c.Aliases, []).Add(c => c.Errors, ["An alias is at most 200 characters."]));

        Assert.Equal("An alias is at most 200 characters.", cut.Find("[role=alert][data-field='aliases']").TextContent.Trim());
    }

    [Fact]
    public void Creating_a_company_passes_name_and_category_and_clears_the_name_once_created()
    {
        var calls = new List<(string? Name, string? Category)>();
        var cut = Render<NewCompanyForm>(p => p.Add(c => c.OnCreate, (name, category) =>
        {
            calls.Add((name, category));
            return Task.FromResult(name == "Zhipu AI");
        }));
        cut.Find("#create-company-toggle").Click();

        cut.WaitForElement("#new-company-name").Input("Zhipu AI");
        cut.Find("#new-company-create").Click();

        cut.WaitForAssertion(() => Assert.Equal([("Zhipu AI", "other")], calls));
        cut.WaitForAssertion(() => Assert.Equal(string.Empty, cut.Find("#new-company-name").GetAttribute("value") ?? string.Empty));
    }

    [Fact]
    public void The_servers_message_for_a_new_company_is_shown_under_its_name()
    {
        var cut = Render<NewCompanyForm>(p => p
            .Add(c => c.OnCreate, (_, _) => Task.FromResult(false))
            .Add(c => c.Errors, ["Tencent (tencent) already exists; choose it from the list."]));
        cut.Find("#create-company-toggle").Click();

        cut.WaitForAssertion(() => Assert.Equal("Tencent (tencent) already exists; choose it from the list.", cut.Find("#new-company-name-error").TextContent.Trim()));
    }
}
