using Bunit;
using IndustryTracker.Web.Components.Layout;
using MudBlazor;

namespace IndustryTracker.Tests.Components.Layout;

/// <summary>The theme provider every circuit shares its style sheets through renders exactly what MudThemeProvider renders, in each mode.</summary>
public sealed class SharedThemeProviderTests : ComponentTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void It_renders_what_MudThemeProvider_renders(bool dark)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, dark));
        var shared = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, dark));
        var again = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, dark));

        Assert.Contains(dark ? AppTheme.Theme.PaletteDark.Background.ToString() : AppTheme.Theme.PaletteLight.Background.ToString(), mud.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(mud.Markup, shared.Markup);
        Assert.Equal(mud.Markup, again.Markup);
    }

    [Fact]
    public void Switching_the_mode_renders_the_other_palette()
    {
        var cut = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, false));
        var light = cut.Markup;

        cut.Render(p => p.Add(c => c.IsDarkMode, true));

        Assert.NotEqual(light, cut.Markup);
        Assert.Equal(Render<MudThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, true)).Markup, cut.Markup);
    }
}
