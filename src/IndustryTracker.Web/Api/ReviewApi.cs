using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Review;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryTracker.Web.Api;

/// <summary>
/// /api/review: imported facts below high confidence waiting for an editor, and the two decisions on one of them.
/// Editors only; cookie-authenticated posts need the antiforgery token like every write.
/// </summary>
public static class ReviewApi
{
    public static RouteGroupBuilder MapReviewApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/review").WithTags("Review").RequireEditor();
        group.MapGet("/", ListAsync)
            .WithName("ListReview")
            .WithSummary("Imported facts below high confidence that no editor confirmed, newest import first")
            .WithDescription("Each item is an event, investment or valuation with its rule, confidence and first quote. Editors only.");
        group.MapPost("/{id}/confirm", ConfirmAsync)
            .WithName("ConfirmReviewItem")
            .WithSummary("Marks the fact (id such as event-12) confirmed by the signed-in editor");
        group.MapPost("/{id}/reject", RejectAsync)
            .WithName("RejectReviewItem")
            .WithSummary("Deletes the fact and remembers the rejection so no re-import of its article writes it back");
        return group;
    }

    internal static async Task<Results<Ok<PagedResult<ReviewItem>>, ValidationProblem>> ListAsync(
        ReviewService review, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = new ReviewPage { Page = parsing.Integer("page", page, 1), PageSize = parsing.Integer("pageSize", pageSize, PagedQuery.DefaultPageSize) };
        parsing.AddAll(query.Validate());
        return parsing.HasErrors ? parsing.Problem("review") : TypedResults.Ok(await review.ListAsync(query.Page, query.PageSize, cancellationToken));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ConfirmAsync(
        ReviewService review, string id, HttpContext http, CancellationToken cancellationToken) =>
        await review.ConfirmAsync(id, http.User.ActorName(), cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    internal static async Task<Results<NoContent, ProblemHttpResult>> RejectAsync(
        ReviewService review, string id, HttpContext http, CancellationToken cancellationToken) =>
        await review.RejectAsync(id, http.User.ActorName(), cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Fact not found",
            detail: $"No imported fact has the id '{id}' (ids look like event-12, investment-3, valuation-5).");

    /// <summary>The review list's paging, validated like every other list.</summary>
    private sealed record ReviewPage : PagedQuery;
}
