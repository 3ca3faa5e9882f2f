using System.Text.Json;

namespace IndustryTracker.Core.Contracts;

/// <summary>Enum values as they appear in URLs and JSON: kebab-case ("model-developer", "part-of-month").</summary>
public static class EnumNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var wanted = text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Human label: "Model developer", "Part of month".</summary>
    public static string Display<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var kebab = Of(value).Replace('-', ' ');
        return char.ToUpperInvariant(kebab[0]) + kebab[1..];
    }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
    };
}
