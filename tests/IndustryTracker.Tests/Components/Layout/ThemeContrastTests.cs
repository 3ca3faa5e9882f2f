using IndustryTracker.Web.Components.Layout;
using MudBlazor;
using MudBlazor.Utilities;

namespace IndustryTracker.Tests.Components.Layout;

/// <summary>
/// WCAG AA for the theme's text colours, in light and dark mode: each palette colour the app uses for text (links,
/// chips, alerts, validation messages) reads at 4.5:1 or more on every background it is shown on, and each "contrast
/// text" on its own colour (filled buttons, snackbars). Computed with WCAG 2's relative luminance.
/// </summary>
public sealed class ThemeContrastTests
{
    private const double AA = 4.5;

    public static TheoryData<string> Modes => new() { "light", "dark" };

    private static Palette PaletteOf(string mode) => mode == "dark" ? AppTheme.Theme.PaletteDark : AppTheme.Theme.PaletteLight;

    [Theory]
    [MemberData(nameof(Modes))]
    public void Text_colours_meet_AA_on_every_background(string mode)
    {
        var palette = PaletteOf(mode);
        var texts = new Dictionary<string, MudColor>
        {
            ["TextPrimary"] = palette.TextPrimary,
            ["TextSecondary"] = palette.TextSecondary,
            ["Primary"] = palette.Primary,
            ["Secondary"] = palette.Secondary,
            ["Info"] = palette.Info,
            ["Success"] = palette.Success,
            ["Warning"] = palette.Warning,
            ["Error"] = palette.Error,
        };
        var backgrounds = new Dictionary<string, MudColor>
        {
            ["Background"] = palette.Background,
            ["Surface"] = palette.Surface,
            ["BackgroundGray"] = palette.BackgroundGray,
            ["DrawerBackground"] = palette.DrawerBackground,
        };

        var failures = (from text in texts
                        from background in backgrounds
                        let ratio = Contrast(text.Value, background.Value)
                        where ratio < AA
                        select $"{text.Key} {text.Value} on {background.Key} {background.Value}: {ratio:0.00}").ToList();

        Assert.True(failures.Count == 0, $"{mode}: " + string.Join("; ", failures));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Contrast_text_meets_AA_on_its_colour(string mode)
    {
        var palette = PaletteOf(mode);
        var pairs = new (string Name, MudColor Colour, MudColor Text)[]
        {
            ("Primary", palette.Primary, palette.PrimaryContrastText),
            ("Secondary", palette.Secondary, palette.SecondaryContrastText),
            ("Info", palette.Info, palette.InfoContrastText),
            ("Success", palette.Success, palette.SuccessContrastText),
            ("Warning", palette.Warning, palette.WarningContrastText),
            ("Error", palette.Error, palette.ErrorContrastText),
            ("Appbar", palette.AppbarBackground, palette.AppbarText),
        };

        var failures = pairs.Where(p => Contrast(p.Text, p.Colour) < AA)
            .Select(p => $"{p.Name}: {p.Text} on {p.Colour} is {Contrast(p.Text, p.Colour):0.00}").ToList();

        Assert.True(failures.Count == 0, $"{mode}: " + string.Join("; ", failures));
    }

    [Fact]
    public void MudBlazors_default_error_red_would_fail_on_white()
    {
        // The check itself: the default the theme replaces is below AA (so the tests above can fail).
        Assert.InRange(Contrast(new MudColor("#f44336"), new MudColor("#ffffff")), 3.6, 3.7);
        Assert.Equal(21, Contrast(new MudColor("#000000"), new MudColor("#ffffff")), 3);
    }

    private static double Contrast(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(MudColor colour)
    {
        Assert.Equal(255, colour.A); // a translucent colour's contrast depends on what is under it
        static double Channel(byte value)
        {
            var c = value / 255d;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(colour.R)) + (0.7152 * Channel(colour.G)) + (0.0722 * Channel(colour.B));
    }
}
