using IndustryTracker.Core.History;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryTracker.Web.Api;

/// <summary>Body of <c>POST /api/companies/{survivorSlug}/merge</c>.</summary>
public sealed record MergeRequest(string? Duplicate);

/// <summary>A merge that was made: its id (for <c>POST /api/merges/{id}/undo</c>) and the survivor's profile.</summary>
public sealed record MergeResponse(int MergeId, CompanyProfile Survivor);

/// <summary>History of records, reverting an entry, merging companies and undoing merges. Editors only: history shows who edited.</summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder routes)
    {
        var history = routes.MapGroup("/api/history").WithTags("History").RequireEditor();
        history.MapGet("/", ListAsync)
            .WithName("ListHistory")
            .WithSummary("The change history of one record, newest first")
            .WithDescription("entity is event, company, model or investment; id is the record's id. Editors only.");
        history.MapPost("/{entryId:long}/revert", RevertAsync)
            .WithName("RevertHistoryEntry")
            .WithSummary("Sets the entry's field back to its old value (409 when the field changed since)");

        routes.MapPost("/api/companies/{survivorSlug}/merge", MergeAsync)
            .WithTags("Companies")
            .WithName("MergeCompanies")
            .WithSummary("Merges a duplicate company (body: { \"duplicate\": slug }) into this one")
            .RequireEditor();
        routes.MapPost("/api/merges/{mergeId:int}/undo", UndoAsync)
            .WithTags("Companies")
            .WithName("UndoMerge")
            .WithSummary("Restores the duplicate of a merge and moves back exactly what moved")
            .RequireEditor();
        return routes;
    }

    internal static async Task<Results<Ok<IReadOnlyList<HistoryEntryDto>>, ValidationProblem>> ListAsync(
        HistoryService history, string? entity, string? id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (entity is null || !HistoryEntities.All.Contains(entity))
        {
            errors["entity"] = [$"entity must be one of {string.Join(", ", HistoryEntities.All)}."];
        }
        if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var recordId) || recordId <= 0)
        {
            errors["id"] = ["id must be a positive whole number."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: "The history query is not valid.");
        }
        return TypedResults.Ok(await history.ListAsync(entity!, recordId, cancellationToken));
    }

    internal static async Task<Results<Ok<IReadOnlyList<HistoryEntryDto>>, ProblemHttpResult>> RevertAsync(
        HistoryService history, HttpContext http, long entryId, CancellationToken cancellationToken)
    {
        var result = await history.RevertAsync(entryId, http.User.ActorName(), cancellationToken);
        if (result.Outcome != HistoryOutcome.Done)
        {
            return Problem(result, "The entry was not reverted");
        }
        var entry = await history.FindAsync(entryId, cancellationToken);
        return TypedResults.Ok(await history.ListAsync(entry!.Entity, entry.EntityId, cancellationToken));
    }

    internal static async Task<Results<Ok<MergeResponse>, ProblemHttpResult>> MergeAsync(
        CompanyMerger merger, CompanyQueries companies, HttpContext http, string survivorSlug, MergeRequest? request, CancellationToken cancellationToken)
    {
        var result = await merger.MergeAsync(survivorSlug, request?.Duplicate ?? string.Empty, http.User.ActorName(), cancellationToken);
        if (result.Result.Outcome != HistoryOutcome.Done)
        {
            return Problem(result.Result, "The companies were not merged");
        }
        return TypedResults.Ok(new MergeResponse(result.MergeId!.Value, (await companies.ProfileAsync(result.SurvivorSlug!, cancellationToken))!));
    }

    internal static async Task<Results<Ok<CompanyProfile>, ProblemHttpResult>> UndoAsync(
        CompanyMerger merger, CompanyQueries companies, HttpContext http, int mergeId, CancellationToken cancellationToken)
    {
        var result = await merger.UndoAsync(mergeId, http.User.ActorName(), cancellationToken);
        if (result.Result.Outcome != HistoryOutcome.Done)
        {
            return Problem(result.Result, "The merge was not undone");
        }
        return TypedResults.Ok((await companies.ProfileAsync(result.SurvivorSlug!, cancellationToken))!);
    }

    private static ProblemHttpResult Problem(HistoryResult result, string title) =>
        TypedResults.Problem(
            statusCode: result.Outcome switch
            {
                HistoryOutcome.NotFound => StatusCodes.Status404NotFound,
                HistoryOutcome.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            },
            title: title,
            detail: result.Message);
}
