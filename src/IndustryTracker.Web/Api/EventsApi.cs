using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IndustryTracker.Web.Api;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", ListEventsAsync)
            .WithName("ListEvents")
            .WithSummary("Timeline events in date order")
            .WithDescription("Events involving any of the companies (by slug) whose date range overlaps [from, to], one page at a time.");
        return group;
    }

    internal static async Task<Results<Ok<PagedResult<EventDto>>, ValidationProblem>> ListEventsAsync(
        EventQueries queries,
        [FromQuery(Name = "company")] string[]? company,
        string? from,
        string? to,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = new EventQuery
        {
            Companies = company ?? [],
            From = parsing.Date("from", from),
            To = parsing.Date("to", to),
            Page = parsing.Integer("page", page, 1),
            PageSize = parsing.Integer("pageSize", pageSize, EventQuery.DefaultPageSize),
        };
        parsing.AddAll(query.Validate());
        if (parsing.HasErrors)
        {
            return TypedResults.ValidationProblem(parsing.Errors, detail: string.Join(" ", parsing.Errors.Values.SelectMany(v => v)), title: "The event query is not valid.");
        }
        return TypedResults.Ok(await queries.ListAsync(query, cancellationToken));
    }
}
