using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryTracker.Web.Api;

/// <summary>
/// The one way write endpoints read a JSON body: its size capped before a byte is read (413), JSON only (415),
/// unknown fields refused, no numbers in strings, and every malformed body or wrongly typed field a 400 validation
/// problem keyed by the field, taken from <see cref="JsonException.Path"/>.
/// </summary>
public static class JsonBody
{
    /// <summary>Events and companies: far above any valid one, far below the server's limit.</summary>
    public const long EntityMaxBytes = 256 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Caps what the server will read of this request's body; a body past the cap fails while being read.</summary>
    public static void LimitBody(HttpContext context, long maxBytes)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }
    }

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, string what, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        LimitBody(request.HttpContext, maxBytes);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(what, maxBytes));
        }
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "body", $"Send the {what} as JSON with Content-Type: application/json."));
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, Problem(StatusCodes.Status400BadRequest, "body", $"The body must be a JSON object describing the {what}.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, FieldProblem<T>(ex.Path));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(what, maxBytes));
        }
    }

    /// <summary>The field a <see cref="JsonException.Path"/> such as <c>$.companies[2]</c> or <c>$.colour</c> names.</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var field = path.TrimStart('$', '.').Split('[', '.')[0].Trim('\'', '"');
        return field.Length == 0 ? "body" : field;
    }

    private static ProblemHttpResult FieldProblem<T>(string? path)
    {
        var field = FieldOf(path);
        var known = KnownFields<T>.Names;
        var message = field == "body"
            ? "The body is not valid JSON."
            : known.Contains(field)
                ? $"'{field}' has the wrong type or is not valid JSON; {KnownFields<T>.Hint(field)}"
                : $"Unknown field '{field}'. The fields are {string.Join(", ", known)}.";
        return Problem(StatusCodes.Status400BadRequest, field, message);
    }

    private static ProblemHttpResult TooLarge(string what, long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "body", $"The body is too large: a {what} is at most {maxBytes / 1024} KB of JSON.");

    /// <summary>A validation problem (errors keyed by field) with any status.</summary>
    public static ProblemHttpResult Problem(int status, string field, string message) =>
        TypedResults.Problem(
            statusCode: status,
            title: "The request body is not valid.",
            detail: message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    /// <summary>The camelCase JSON names of <typeparamref name="T"/>'s properties and what each expects.</summary>
    private static class KnownFields<T>
    {
        private static readonly Dictionary<string, Type> Types = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType, StringComparer.Ordinal);

        public static IReadOnlyCollection<string> Names { get; } = Types.Keys.ToList();

        public static string Hint(string field)
        {
            var type = Nullable.GetUnderlyingType(Types[field]) ?? Types[field];
            return type == typeof(string) ? "expected a string."
                : type == typeof(int) || type == typeof(long) ? "expected a whole number."
                : type.IsAssignableTo(typeof(System.Collections.IEnumerable)) ? "expected a JSON array."
                : "expected a JSON object.";
        }
    }
}
