namespace IndustryTracker.Web.Components.Shared;

/// <summary>Builds query strings from (name, value) pairs: repeated names allowed, empty values left out.</summary>
public static class UrlQuery
{
    public static string Build(IEnumerable<(string Name, string? Value)> pairs)
    {
        var parts = pairs
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!.Trim())}")
            .ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }

    /// <summary>The query string with "&amp;"-continuation for appending more parameters, or "?".</summary>
    public static string Append(string query, string name, string value) =>
        (query.Length == 0 ? "?" : query + "&") + $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
}
