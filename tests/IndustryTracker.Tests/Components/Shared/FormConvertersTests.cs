using IndustryTracker.Web.Components.Shared;
using MudBlazor;
using MudBlazor.Utilities.Exceptions;

namespace IndustryTracker.Tests.Components.Shared;

/// <summary>The converters every reader's form field shares instead of building MudBlazor's default one per component.</summary>
public sealed class FormConvertersTests
{
    [Fact]
    public void Dates_are_written_and_read_as_YYYY_MM_DD_and_other_text_is_a_conversion_error()
    {
        Assert.Equal("2025-02-01", FormConverters.IsoDay.Convert(new DateTime(2025, 2, 1)));
        Assert.Null(FormConverters.IsoDay.Convert(null));
        Assert.Equal(new DateTime(2025, 2, 28), FormConverters.IsoDay.ConvertBack("2025-02-28"));
        Assert.Null(FormConverters.IsoDay.ConvertBack(""));
        Assert.Null(FormConverters.IsoDay.ConvertBack(null));
        foreach (var text in new[] { "28/02/2025", "2025-02-30", "2025-2-1", "tomorrow" })
        {
            Assert.Equal("Converter_InvalidDateTime", Assert.Throws<ConversionException>(() => FormConverters.IsoDay.ConvertBack(text)).ErrorMessageKey);
        }
    }

    [Fact]
    public void Text_is_its_own_value_and_a_chosen_only_value_is_never_made_from_text()
    {
        Assert.Equal("Yuanbao", FormConverters.Text.ConvertBack(FormConverters.Text.Convert("Yuanbao")));
        Assert.Null(FormConverters.Text.Convert(null));

        var chosenOnly = FormConverters.ChosenOnly<Version>();
        Assert.Equal("1.2", chosenOnly.Convert(new Version(1, 2)));
        Assert.Null(chosenOnly.ConvertBack("1.2"));
        Assert.Same(chosenOnly, FormConverters.ChosenOnly<Version>());
    }

    [Fact]
    public void None_takes_a_components_culture_so_one_instance_can_serve_every_component()
    {
        // MudBlazor hands an ICultureAwareConverter the culture and format of each component it is given to.
        Assert.IsNotAssignableFrom<ICultureAwareConverter>(FormConverters.IsoDay);
        Assert.IsNotAssignableFrom<ICultureAwareConverter>(FormConverters.Text);
        Assert.IsNotAssignableFrom<ICultureAwareConverter>(FormConverters.ChosenOnly<Version>());
    }
}
