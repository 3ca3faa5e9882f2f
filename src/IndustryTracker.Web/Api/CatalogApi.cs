using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IndustryTracker.Web.Api;

/// <summary>/api/models, /api/investments (+ .csv) and /api/sources: paged JSON lists and single items.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        var models = routes.MapGroup("/api/models").WithTags("Models");
        models.MapGet("/", ListModelsAsync)
            .WithName("ListModels")
            .WithSummary("AI models by name")
            .WithDescription("Filter by developer (company slug), kind and status; each repeatable.");
        models.MapGet("/{slug}", GetModelAsync)
            .WithName("GetModel")
            .WithSummary("A model with its sources and the events it appears in");

        var investments = routes.MapGroup("/api/investments").WithTags("Investments");
        investments.MapGet("/", ListInvestmentsAsync)
            .WithName("ListInvestments")
            .WithSummary("Investments in announcement order, amount as reported and in USD")
            .WithDescription("Filter by company (recipient or investor slug), kind and an announcement date range overlapping [from, to].");
        routes.MapGet("/api/investments.csv", InvestmentsCsvAsync)
            .WithTags("Investments", "Export")
            .WithName("ExportInvestmentsCsv")
            .WithSummary("Every matching investment as CSV (the same filters; paging ignored)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();

        var sources = routes.MapGroup("/api/sources").WithTags("Sources");
        sources.MapGet("/", ListSourcesAsync)
            .WithName("ListSources")
            .WithSummary("Imported articles by file name");
        sources.MapGet("/{id:int}", GetSourceAsync)
            .WithName("GetSource")
            .WithSummary("An article: metadata, numbered paragraphs and what was extracted from each");
        return routes;
    }

    internal static async Task<Results<Ok<PagedResult<ModelDto>>, ValidationProblem>> ListModelsAsync(
        ModelQueries queries,
        [FromQuery(Name = "developer")] string[]? developer,
        [FromQuery(Name = "kind")] string[]? kind,
        [FromQuery(Name = "status")] string[]? status,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = new ModelQuery
        {
            Developers = developer ?? [],
            Kinds = parsing.Enums<AiModelKind>("kind", kind),
            Statuses = parsing.Enums<AiModelStatus>("status", status),
            Page = parsing.Integer("page", page, 1),
            PageSize = parsing.Integer("pageSize", pageSize, PagedQuery.DefaultPageSize),
        };
        parsing.AddAll(query.Validate());
        return parsing.HasErrors ? parsing.Problem("model") : TypedResults.Ok(await queries.ListAsync(query, cancellationToken));
    }

    internal static async Task<Results<Ok<ModelDetail>, ProblemHttpResult>> GetModelAsync(ModelQueries queries, string slug, CancellationToken cancellationToken) =>
        await queries.DetailAsync(slug, cancellationToken) is { } model
            ? TypedResults.Ok(model)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Model not found", detail: $"No model has the slug '{slug}'.");

    /// <summary>The investment filters as query parameters, shared by /api/investments and /api/investments.csv.</summary>
    public sealed class InvestmentFilterParameters
    {
        /// <summary>Company slugs (repeatable): recipient or investor.</summary>
        [FromQuery(Name = "company")] public string[]? Company { get; init; }

        /// <summary>Kebab-case kinds (repeatable), e.g. funding-round, capital-expenditure-plan.</summary>
        [FromQuery(Name = "kind")] public string[]? Kind { get; init; }

        /// <summary>First day, YYYY-MM-DD.</summary>
        [FromQuery(Name = "from")] public string? From { get; init; }

        /// <summary>Last day, YYYY-MM-DD.</summary>
        [FromQuery(Name = "to")] public string? To { get; init; }

        /// <summary>true: only what an editor confirmed (or wrote); default false.</summary>
        [FromQuery(Name = "confirmed")] public string? Confirmed { get; init; }

        /// <summary>1-based page number (list only).</summary>
        [FromQuery(Name = "page")] public string? Page { get; init; }

        /// <summary>Items per page, 1–500, default 50 (list only).</summary>
        [FromQuery(Name = "pageSize")] public string? PageSize { get; init; }

        internal InvestmentQuery ToQuery(QueryParsing parsing)
        {
            var query = new InvestmentQuery
            {
                Companies = Company ?? [],
                Kinds = parsing.Enums<InvestmentKind>("kind", Kind),
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

    internal static async Task<Results<Ok<PagedResult<InvestmentDto>>, ValidationProblem>> ListInvestmentsAsync(
        InvestmentQueries queries,
        [AsParameters] InvestmentFilterParameters filters,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = filters.ToQuery(parsing);
        return parsing.HasErrors ? parsing.Problem("investment") : TypedResults.Ok(await queries.ListAsync(query, cancellationToken));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> InvestmentsCsvAsync(
        InvestmentQueries queries,
        [AsParameters] InvestmentFilterParameters filters,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = filters.ToQuery(parsing);
        if (parsing.HasErrors)
        {
            return parsing.Problem("investment");
        }
        var investments = await queries.AllAsync(query, cancellationToken);
        return TypedResults.File(CsvExport.Investments(investments), CsvExport.ContentType, "investments.csv");
    }

    internal static async Task<Results<Ok<PagedResult<SourceSummaryDto>>, ValidationProblem>> ListSourcesAsync(
        SourceQueries queries,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var pageNumber = parsing.Integer("page", page, 1);
        var size = parsing.Integer("pageSize", pageSize, PagedQuery.DefaultPageSize);
        parsing.AddAll(Paging.Errors(pageNumber, size, PagedQuery.MaxPageSize));
        return parsing.HasErrors ? parsing.Problem("source") : TypedResults.Ok(await queries.ListAsync(pageNumber, size, cancellationToken));
    }

    internal static async Task<Results<Ok<SourceDetail>, ProblemHttpResult>> GetSourceAsync(SourceQueries queries, int id, CancellationToken cancellationToken) =>
        await queries.DetailAsync(id, cancellationToken) is { } source
            ? TypedResults.Ok(source)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Source not found", detail: $"No article has the id {id}.");
}
