using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IndustryTracker.Web.Api;

/// <summary>The timeline filters as query parameters, shared by /api/events, its facets, /api/events.csv and /feed.atom.</summary>
public sealed class EventFilterParameters
{
    /// <summary>Company slugs (repeat the parameter for several); an event matches any of them.</summary>
    [FromQuery(Name = "company")] public string[]? Company { get; init; }

    /// <summary>First day, YYYY-MM-DD; events whose date range ends on or after it match.</summary>
    [FromQuery(Name = "from")] public string? From { get; init; }

    /// <summary>Last day, YYYY-MM-DD; events whose date range starts on or before it match.</summary>
    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>Kebab-case event categories (repeatable), e.g. integration-adoption.</summary>
    [FromQuery(Name = "category")] public string[]? Category { get; init; }

    /// <summary>Model slugs (repeatable), e.g. deepseek-r1.</summary>
    [FromQuery(Name = "model")] public string[]? Model { get; init; }

    /// <summary>Full-text search over titles, summaries and source quotes; every word must match (as a prefix).</summary>
    [FromQuery(Name = "q")] public string? Q { get; init; }

    /// <summary>true: only what an editor confirmed (or wrote); default false.</summary>
    [FromQuery(Name = "confirmed")] public string? Confirmed { get; init; }

    /// <summary>1-based page number (lists only).</summary>
    [FromQuery(Name = "page")] public string? Page { get; init; }

    /// <summary>Items per page, 1–500, default 50 (lists only).</summary>
    [FromQuery(Name = "pageSize")] public string? PageSize { get; init; }

    internal EventQuery ToQuery(QueryParsing parsing)
    {
        var query = new EventQuery
        {
            Companies = Company ?? [],
            From = parsing.Date("from", From),
            To = parsing.Date("to", To),
            ConfirmedOnly = parsing.Boolean("confirmed", Confirmed),
            Categories = parsing.Enums<EventCategory>("category", Category),
            Models = Model ?? [],
            Q = Q,
            Page = parsing.Integer("page", Page, 1),
            PageSize = parsing.Integer("pageSize", PageSize, EventQuery.DefaultPageSize),
        };
        parsing.AddAll(query.Validate());
        return query;
    }
}

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", ListEventsAsync)
            .WithName("ListEvents")
            .WithSummary("Timeline events in date order")
            .WithDescription("Events involving any of the companies or models, of any of the categories, whose date range overlaps [from, to] and matching the words of q, one page at a time.");
        group.MapGet("/facets", FacetsAsync)
            .WithName("EventFacets")
            .WithSummary("Counts of the matching events by category, company, month and year");
        routes.MapGet("/api/events.csv", EventsCsvAsync)
            .WithTags("Events", "Export")
            .WithName("ExportEventsCsv")
            .WithSummary("Every matching event as CSV (the same filters; paging ignored)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();
        return group;
    }

    internal static async Task<Results<Ok<PagedResult<EventDto>>, ValidationProblem>> ListEventsAsync(
        EventQueries queries,
        [AsParameters] EventFilterParameters filters,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = filters.ToQuery(parsing);
        return parsing.HasErrors ? parsing.Problem("event") : TypedResults.Ok(await queries.ListAsync(query, cancellationToken));
    }

    internal static async Task<Results<Ok<EventFacets>, ValidationProblem>> FacetsAsync(
        EventQueries queries,
        [AsParameters] EventFilterParameters filters,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = filters.ToQuery(parsing);
        return parsing.HasErrors ? parsing.Problem("event") : TypedResults.Ok(await queries.FacetsAsync(query, cancellationToken));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> EventsCsvAsync(
        EventQueries queries,
        [AsParameters] EventFilterParameters filters,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = filters.ToQuery(parsing);
        if (parsing.HasErrors)
        {
            return parsing.Problem("event");
        }
        var events = await queries.AllAsync(query with { Page = 1, PageSize = EventQuery.DefaultPageSize }, cancellationToken: cancellationToken);
        return TypedResults.File(CsvExport.Events(events), CsvExport.ContentType, "events.csv");
    }

    internal static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
