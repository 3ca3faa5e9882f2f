using System.Globalization;
using System.Text.Json;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.History;

/// <summary>How values are written into <see cref="HistoryEntry"/> (and read back for a revert).</summary>
public static class HistoryValues
{
    /// <summary>Properties not recorded: keys, audit stamps and values derived from the name.</summary>
    internal static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "Id", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version", "Slug", "NameKey",
    };

    public static string FieldName(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    public static string PropertyName(string fieldName) =>
        fieldName.Length == 0 ? fieldName : char.ToUpperInvariant(fieldName[0]) + fieldName[1..];

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Reads a value written by <see cref="Format"/> back as <paramref name="type"/>.</summary>
    public static object? Parse(string? text, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (text is null)
        {
            return type.IsValueType && underlying is null
                ? throw new FormatException("This field cannot be empty.")
                : null;
        }
        var target = underlying ?? type;
        if (target == typeof(string))
        {
            return text;
        }
        if (target.IsEnum)
        {
            return Enum.Parse(target, text);
        }
        if (target == typeof(DateOnly))
        {
            return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (target == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }
        if (target == typeof(bool))
        {
            return bool.Parse(text);
        }
        return Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
    }

    /// <summary>A sorted list of names as compact JSON: ["DeepSeek","Tencent"].</summary>
    public static string NameList(IEnumerable<string> names) =>
        JsonSerializer.Serialize(names.Order(StringComparer.Ordinal).ToArray());

    public static IReadOnlyList<string> ReadNameList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>A short human label of a value for display: the label of a date, the reported amount, or the text itself.</summary>
    public static string? Display(string? value)
    {
        if (value is null || value.Length == 0 || (value[0] != '{' && value[0] != '['))
        {
            return value;
        }
        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return string.Join(", ", root.EnumerateArray().Select(e => e.ToString()));
            }
            foreach (var name in new[] { "label", "asReported" })
            {
                if (root.TryGetProperty(name, out var labelled) && labelled.ValueKind == JsonValueKind.String)
                {
                    return labelled.GetString();
                }
            }
            return value;
        }
        catch (JsonException)
        {
            return value;
        }
    }

    public static string InvestmentLabel(Investment investment) =>
        string.Join(" ", new[] { investment.Kind.ToString(), investment.RoundLabel, investment.Money?.AsReported, investment.Recipient is null ? null : "for " + investment.Recipient.Name }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
}
