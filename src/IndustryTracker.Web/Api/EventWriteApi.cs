using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Editing;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace IndustryTracker.Web.Api;

/// <summary>
/// Editing events over HTTP: read one with its version (ETag), create, update, soft-delete and restore. Writes need
/// <see cref="Policies.CanEdit"/>; updates and deletes need <c>If-Match</c> with the ETag the editor read
/// (428 without it, 409 with the current event in the problem's <c>current</c> when someone else saved first).
/// </summary>
public static class EventWriteApi
{
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Far above any valid event (300 + 4000 + 4000 + 2000 characters and 100 slugs), far below the server limit.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapEventWriteApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events", "Editing");
        group.MapGet("/{id:int}", GetAsync)
            .WithName("GetEvent")
            .WithSummary("One event with its version; the ETag header (W/\"version\") is what PUT and DELETE send as If-Match")
            .Produces<EventDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/deleted", ListDeletedAsync)
            .WithName("ListDeletedEvents")
            .WithSummary("Soft-deleted events, most recently deleted first (editors)")
            .RequireEditor();
        group.MapPost("/", CreateAsync)
            .WithName("CreateEvent")
            .WithSummary("Create an event (origin editor); answers 201 with Location /api/events/{id}")
            .Accepts<EventInput>("application/json")
            .Produces<EventDetailDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .RequireEditor();
        group.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateEvent")
            .WithSummary("Replace an event's fields; requires If-Match (428 without, 409 with the current event when stale)")
            .Accepts<EventInput>("application/json")
            .Produces<EventDetailDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireEditor();
        group.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteEvent")
            .WithSummary("Soft-delete an event (restorable); requires If-Match")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireEditor();
        group.MapPost("/{id:int}/restore", RestoreAsync)
            .WithName("RestoreEvent")
            .WithSummary("Bring back a soft-deleted event")
            .Produces<EventDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireEditor();
        return routes;
    }

    /// <summary>The weak ETag of a version: <c>W/"3"</c>.</summary>
    public static string ETagOf(int version) => $"W/\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    internal static async Task<IResult> GetAsync(int id, EventEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await editor.GetAsync(id, cancellationToken: cancellationToken);
        return found is null ? NotFound(id) : WithETag(http, found, TypedResults.Ok(found));
    }

    internal static async Task<Ok<IReadOnlyList<EventDetailDto>>> ListDeletedAsync(EventEditor editor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await editor.ListDeletedAsync(cancellationToken: cancellationToken));

    internal static async Task<IResult> CreateAsync(HttpContext http, ClaimsPrincipal user, EventEditor editor, CancellationToken cancellationToken)
    {
        var (input, problem) = await ReadBodyAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var result = await editor.CreateAsync(input!, user.ActorName(), cancellationToken);
        return result.Outcome == EditOutcome.Saved
            ? WithETag(http, result.Event!, TypedResults.Created($"/api/events/{result.Event!.Id}", result.Event))
            : Answer(http, id: 0, result);
    }

    internal static async Task<IResult> UpdateAsync(int id, HttpContext http, ClaimsPrincipal user, EventEditor editor, CancellationToken cancellationToken)
    {
        var (version, preconditionProblem) = ExpectedVersion(http.Request);
        if (preconditionProblem is not null)
        {
            return preconditionProblem;
        }
        var (input, problem) = await ReadBodyAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var result = await editor.UpdateAsync(id, version, input!, user.ActorName(), cancellationToken);
        return result.Outcome == EditOutcome.Saved
            ? WithETag(http, result.Event!, TypedResults.Ok(result.Event))
            : Answer(http, id, result);
    }

    internal static async Task<IResult> DeleteAsync(int id, HttpContext http, ClaimsPrincipal user, EventEditor editor, CancellationToken cancellationToken)
    {
        var (version, preconditionProblem) = ExpectedVersion(http.Request);
        if (preconditionProblem is not null)
        {
            return preconditionProblem;
        }
        var result = await editor.DeleteAsync(id, version, user.ActorName(), cancellationToken);
        return result.Outcome == EditOutcome.Saved ? TypedResults.NoContent() : Answer(http, id, result);
    }

    internal static async Task<IResult> RestoreAsync(int id, HttpContext http, ClaimsPrincipal user, EventEditor editor, CancellationToken cancellationToken)
    {
        var result = await editor.RestoreAsync(id, user.ActorName(), cancellationToken);
        return result.Outcome == EditOutcome.Saved
            ? WithETag(http, result.Event!, TypedResults.Ok(result.Event))
            : Answer(http, id, result);
    }

    private static IResult Answer(HttpContext http, int id, EventEditResult result) => result.Outcome switch
    {
        EditOutcome.Invalid => TypedResults.ValidationProblem(
            result.Errors,
            detail: string.Join(" ", result.Errors.Values.SelectMany(v => v)),
            title: "The event is not valid."),
        EditOutcome.Conflict => WithETag(http, result.Current!, TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The event was changed by someone else.",
            detail: $"The version in If-Match is not the saved one: version {result.Current!.Version} was saved by {result.Current.UpdatedBy ?? "someone"} at {result.Current.UpdatedAt:u}. Nothing was changed. Compare with 'current', then send your change again with If-Match: {ETagOf(result.Current.Version)} to overwrite it.",
            extensions: new Dictionary<string, object?> { ["current"] = result.Current })),
        _ => NotFound(id),
    };

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event.", detail: $"There is no event {id}, or it was deleted.");

    private static IResult WithETag(HttpContext http, EventDetailDto dto, IResult result)
    {
        http.Response.Headers.ETag = ETagOf(dto.Version);
        return result;
    }

    /// <summary>The version in If-Match (<c>W/"3"</c> or <c>"3"</c>); 428 when missing, 400 when unreadable.</summary>
    internal static (int Version, IResult? Problem) ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return (0, TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match is required.",
                detail: "Send the ETag from GET /api/events/{id} as If-Match (e.g. If-Match: W/\"3\") so a change saved by someone else is never overwritten silently."));
        }
        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag) && !tag.Equals(EntityTagHeaderValue.Any)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (version, null);
        }
        return (0, TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["If-Match"] = [$"If-Match '{header}' is not an event version; send the ETag from GET /api/events/{{id}}, e.g. W/\"3\"."] },
            title: "The If-Match header is not valid."));
    }

    /// <summary>Reads the JSON body; unknown fields, wrong types and malformed JSON are a 400 naming the field.</summary>
    internal static async Task<(EventInput? Input, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, BodyProblem("", $"The body is {request.ContentLength} bytes; an event is at most {MaxBodyBytes} bytes of JSON."));
        }
        if (!request.HasJsonContentType())
        {
            return (null, BodyProblem("", "Send the event as JSON with Content-Type: application/json."));
        }
        try
        {
            var input = await JsonSerializer.DeserializeAsync<EventInput>(request.Body, BodyOptions, cancellationToken);
            return input is null ? (null, BodyProblem("", "The body must be a JSON object describing the event.")) : (input, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.').Split('[', '.')[0] : "";
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"Unknown field '{UnknownMember(ex.Message) ?? field}'. The fields are title, summary, category, date, companies, models, sourceUrl, sourceArticleId, sourceParagraph, sourceQuote."
                : field.Length > 0
                    ? $"'{field}' has the wrong type or is not valid JSON: {FieldHint(field)}"
                    : "The body is not valid JSON.";
            return (null, BodyProblem(UnknownMember(ex.Message) ?? field, message));
        }
    }

    private static string? UnknownMember(string message)
    {
        // "The JSON property 'colour' could not be mapped to any .NET member contained in type ..."
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return message.Contains("could not be mapped", StringComparison.Ordinal) && end > start ? message[(start + 1)..end] : null;
    }

    private static string FieldHint(string field) => field switch
    {
        "companies" or "models" => "a list of slugs, e.g. [\"tencent\"].",
        "sourceArticleId" or "sourceParagraph" => "a whole number.",
        _ => "a string.",
    };

    private static IResult BodyProblem(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] },
            detail: message,
            title: "The request body is not valid.");
}
