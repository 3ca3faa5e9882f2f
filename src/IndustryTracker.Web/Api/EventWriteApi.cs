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
            .WithDescription("The body is an event as POST takes it, or exactly what GET /api/events/{id} returned (its read-only fields are ignored; companySlugs/modelSlugs are the links then).")
            .Accepts<EventUpdateBody>("application/json")
            .Produces<EventDetailDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireIfMatch("event")
            .RequireEditor();
        group.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteEvent")
            .WithSummary("Soft-delete an event (restorable); requires If-Match")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireIfMatch("event")
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
    public static string ETagOf(int version) => Versioning.ETagOf(version);

    internal static async Task<IResult> GetAsync(int id, EventEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await editor.GetAsync(id, cancellationToken: cancellationToken);
        if (found is null)
        {
            return NotFound(id);
        }
        // Who saved it last is an editor's email: for editors only, never for anonymous readers.
        var shown = http.User.IsInRole(Roles.Editor) || http.User.IsInRole(Roles.Admin) ? found : found with { UpdatedBy = null, DeletedBy = null };
        return WithETag(http, shown, TypedResults.Ok(shown));
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
        var version = Versioning.ExpectedVersion(http);
        var (body, problem) = await JsonBody.ReadAsync<EventUpdateBody>(http.Request, "event", JsonBody.EntityMaxBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (input, errors) = body!.ToInput(id);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: "The event is not valid.");
        }
        var result = await editor.UpdateAsync(id, version, input, user.ActorName(), cancellationToken);
        return result.Outcome == EditOutcome.Saved
            ? WithETag(http, result.Event!, TypedResults.Ok(result.Event))
            : Answer(http, id, result);
    }

    internal static async Task<IResult> DeleteAsync(int id, HttpContext http, ClaimsPrincipal user, EventEditor editor, CancellationToken cancellationToken)
    {
        var version = Versioning.ExpectedVersion(http);
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
        EditOutcome.Conflict => Versioning.Conflict(http, "event", result.Current!.Version, result.Current.UpdatedBy, result.Current.UpdatedAt, result.Current),
        _ => NotFound(id),
    };

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event.", detail: $"There is no event {id}, or it was deleted.");

    private static IResult WithETag(HttpContext http, EventDetailDto dto, IResult result)
    {
        http.Response.Headers.ETag = ETagOf(dto.Version);
        return result;
    }

    /// <summary>Reads the event from the JSON body (see <see cref="JsonBody"/>).</summary>
    internal static Task<(EventInput? Input, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        JsonBody.ReadAsync<EventInput>(request, "event", JsonBody.EntityMaxBytes, cancellationToken);
}
