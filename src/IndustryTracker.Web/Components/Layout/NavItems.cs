namespace IndustryTracker.Web.Components.Layout;

/// <summary>The main navigation, shared by the app bar (wide screens) and the drawer (narrow screens).</summary>
public static class NavItems
{
    public static IReadOnlyList<(string Href, string Text, string Icon)> All { get; } =
    [
        ("companies", "Companies", MudBlazor.Icons.Material.Filled.Business),
        ("models", "Models", MudBlazor.Icons.Material.Filled.Memory),
        ("investments", "Investments", MudBlazor.Icons.Material.Filled.Paid),
        ("timeline", "Timeline", MudBlazor.Icons.Material.Filled.Timeline),
        ("sources", "Sources", MudBlazor.Icons.Material.Filled.Article),
    ];
}
