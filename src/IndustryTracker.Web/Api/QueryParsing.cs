using System.Globalization;

namespace IndustryTracker.Web.Api;

/// <summary>Reads query-string values, collecting a clear message per bad parameter.</summary>
internal sealed class QueryParsing
{
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => Errors.Count > 0;

    public DateOnly? Date(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        Add(name, $"{name} '{text}' is not a date; use YYYY-MM-DD, e.g. 2025-02-14.");
        return null;
    }

    /// <summary>"true" or "false" (any case); empty means <paramref name="fallback"/>.</summary>
    public bool Boolean(string name, string? text, bool fallback = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }
        Add(name, $"{name} '{text}' is not true or false.");
        return fallback;
    }

    public int Integer(string name, string? text, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Add(name, $"{name} '{text}' is not a whole number.");
        return fallback;
    }

    /// <summary>Each value parsed as a kebab-case enum name ("integration-adoption"); bad values are reported.</summary>
    public List<TEnum> Enums<TEnum>(string name, IEnumerable<string>? texts)
        where TEnum : struct, Enum
    {
        var values = new List<TEnum>();
        foreach (var text in (texts ?? []).Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (IndustryTracker.Core.Contracts.EnumNames.TryParse<TEnum>(text, out var value))
            {
                values.Add(value);
            }
            else
            {
                Add(name, $"{name} '{text}' is not one of {string.Join(", ", Enum.GetValues<TEnum>().Select(IndustryTracker.Core.Contracts.EnumNames.Of))}.");
            }
        }
        return values;
    }

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem(string what) =>
        TypedResults.ValidationProblem(Errors, detail: string.Join(" ", Errors.Values.SelectMany(v => v)), title: $"The {what} query is not valid.");

    /// <summary>Adds messages that start with the parameter name, such as "page must be 1 or more".</summary>
    public void AddAll(IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            Add(message.Split(' ', 2)[0], message);
        }
    }

    public void Add(string name, string message) =>
        Errors[name] = Errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
}
