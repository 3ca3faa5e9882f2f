namespace IndustryTracker.Web.Components.Layout;

/// <summary>The reader's light/dark choice, kept in the "theme" cookie: "light", "dark", or none (follow the system).</summary>
public static class ThemePreference
{
    public const string CookieName = "theme";

    /// <summary>True for dark, false for light, null when the reader has not chosen (or the cookie is not ours).</summary>
    public static bool? Parse(string? cookie) => cookie switch
    {
        "dark" => true,
        "light" => false,
        _ => null,
    };

    public static string Format(bool dark) => dark ? "dark" : "light";
}
