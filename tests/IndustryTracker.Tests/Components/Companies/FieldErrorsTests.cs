using Bunit;
using IndustryTracker.Web.Components.Pages.Companies;

namespace IndustryTracker.Tests.Components.Companies;

public sealed class FieldErrorsTests : ComponentTestContext
{
    private static readonly Dictionary<string, string[]> Errors = new()
    {
        ["name"] = ["The name is required."],
        ["parent"] = ["No company has the slug 'x'."],
    };

    [Fact]
    public void Renders_each_message_for_its_field_only()
    {
        var cut = Render<FieldErrors>(p => p.Add(c => c.Errors, Errors).Add(c => c.Field, "name"));

        var list = cut.Find("[role=alert]");
        Assert.Equal("name", list.GetAttribute("data-field"));
        Assert.Equal(["The name is required."], list.QuerySelectorAll("li").Select(li => li.TextContent));
    }

    [Fact]
    public void Renders_nothing_for_a_field_without_messages()
    {
        var cut = Render<FieldErrors>(p => p.Add(c => c.Errors, Errors).Add(c => c.Field, "summary"));

        Assert.Equal(string.Empty, cut.Markup.Trim());
    }
}
