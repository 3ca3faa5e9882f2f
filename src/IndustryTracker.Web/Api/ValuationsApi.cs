using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IndustryTracker.Web.Api;

/// <summary>The valuation filters as query parameters.</summary>
public sealed class ValuationFilterParameters
{
    /// <summary>Company slugs (repeatable).</summary>
    [FromQuery(Name = "company")] public string[]? Company { get; init; }

    /// <summary>First day, YYYY-MM-DD; valuations dated in a range ending on or after it match.</summary>
    [FromQuery(Name = "from")] public string? From { get; init; }

    /// <summary>Last day, YYYY-MM-DD; valuations dated in a range starting on or before it match.</summary>
    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>true: only valuations an editor confirmed; default false.</summary>
    [FromQuery(Name = "confirmed")] public string? Confirmed { get; init; }

    /// <summary>1-based page number.</summary>
    [FromQuery(Name = "page")] public string? Page { get; init; }

    /// <summary>Items per page, 1–500, default 50.</summary>
    [FromQuery(Name = "pageSize")] public string? PageSize { get; init; }

    internal ValuationQuery ToQuery(QueryParsing parsing)
    {
        var query = new ValuationQuery
        {
            Companies = Company ?? [],
            From = parsing.Date("from", From),
            To = parsing.Date("to", To),
            ConfirmedOnly = parsing.Boolean("confirmed", Confirmed),
            Page = parsing.Integer("page", Page, 1),
            PageSize = parsing.Integer("pageSize", PageSize, PagedQuery.DefaultPageSize),
        };
        parsing.AddAll(query.Validate());
        return query;
    }
}

/// <summary>/api/valuations: what companies were said to be worth, with the quotes.</summary>
public static class ValuationsApi
{
    public static RouteGroupBuilder MapValuationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/valuations").WithTags("Valuations");
        group.MapGet("/", ListValuationsAsync)
            .WithName("ListValuations")
            .WithSummary("Company valuations in date order, amount as reported and in USD")
            .WithDescription("Filter by company (slug, repeatable), a date range overlapping [from, to] and confirmed=true.");
        return group;
    }

    internal static async Task<Results<Ok<PagedResult<ValuationDto>>, ValidationProblem>> ListValuationsAsync(
        ValuationQueries queries,
        [AsParameters] ValuationFilterParameters filters,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = filters.ToQuery(parsing);
        return parsing.HasErrors ? parsing.Problem("valuation") : TypedResults.Ok(await queries.ListAsync(query, cancellationToken));
    }
}
