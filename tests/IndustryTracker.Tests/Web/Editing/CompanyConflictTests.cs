using IndustryTracker.Core.Companies;
using IndustryTracker.Web.Components.Pages.Companies;

namespace IndustryTracker.Tests.Web.Editing;

/// <summary>The edit page's conflict rules: only fields both sides changed differently are asked about.</summary>
public sealed class CompanyConflictTests
{
    private static readonly CompanyEdit Original = new("DeepSeek", "model-developer", "China", "Hangzhou", "2023", null, "AI lab.", [new CompanyAliasInput("DS", "abbreviation")]);

    [Fact]
    public void Fields_only_they_changed_are_taken_fields_only_i_changed_are_kept_and_both_changed_are_conflicts()
    {
        var mine = CompanyEditPage.CompanyForm.From(Original with { Name = "DeepSeek AI", Summary = "Reasoning lab." });
        var theirs = CompanyEditPage.CompanyForm.From(Original with { Country = "PRC", Summary = "Open-weights lab.", Aliases = [] });

        var conflicts = CompanyEditPage.FieldConflict.Between(CompanyEditPage.CompanyForm.From(Original), mine, theirs);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(("summary", "Reasoning lab.", "Open-weights lab."), (conflict.Field, conflict.Mine, conflict.Theirs));
        Assert.Equal("DeepSeek AI", mine.Name);   // only mine changed it
        Assert.Equal("PRC", mine.Country);        // only theirs changed it: taken
        Assert.Empty(mine.Aliases);               // theirs removed the alias: taken

        conflict.TakeTheirs(mine, theirs);
        Assert.Equal("Open-weights lab.", mine.Summary);
    }
}
