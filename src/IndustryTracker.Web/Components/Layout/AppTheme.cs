using MudBlazor;

namespace IndustryTracker.Web.Components.Layout;

/// <summary>
/// The one MudBlazor theme of the app: palette for light and dark mode, and typography. Every palette colour used for
/// text (primary, secondary, the status colours of alerts, chips and validation messages) has a contrast of at least
/// 4.5:1 (WCAG AA) on the background, the surface and the grey background of its mode, and so has each "contrast text"
/// on its colour: MudBlazor's default error red (#f44336, 3.7:1 on white), success, warning and info colours do not.
/// </summary>
public static class AppTheme
{
    private static readonly string[] FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00796b",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a15c00",
            Error = "#c62828",
            AppbarBackground = "#3949ab",
            AppbarText = "#ffffff",
            Background = "#ffffff",
            Surface = "#ffffff",
            BackgroundGray = "#f6f8fa",
            TextPrimary = "#1f2328",
            TextSecondary = "#57606a",
            DrawerBackground = "#f6f8fa",
            LinesDefault = "#d0d7de",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8da",
            PrimaryContrastText = "#0d1117",
            Secondary = "#80cbc4",
            SecondaryContrastText = "#0d1117",
            Info = "#64b5f6",
            InfoContrastText = "#0d1117",
            Success = "#81c784",
            SuccessContrastText = "#0d1117",
            Warning = "#ffb74d",
            WarningContrastText = "#0d1117",
            Error = "#ff8a80",
            ErrorContrastText = "#0d1117",
            AppbarBackground = "#1a237e",
            AppbarText = "#ffffff",
            Background = "#121417",
            Surface = "#1c1f24",
            BackgroundGray = "#16191d",
            TextPrimary = "#e6edf3",
            TextSecondary = "#b1bac4",
            DrawerBackground = "#16191d",
            LinesDefault = "#3d444d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily, FontSize = "1rem", LineHeight = "1.5" },
            H1 = new H1Typography { FontFamily = FontFamily, FontSize = "2rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = FontFamily, FontSize = "1.5rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = FontFamily, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.35" },
        },
    };
}
