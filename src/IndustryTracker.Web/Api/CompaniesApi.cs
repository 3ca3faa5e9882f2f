using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryTracker.Web.Api;

public static class CompaniesApi
{
    public static RouteGroupBuilder MapCompaniesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/companies").WithTags("Companies");
        group.MapGet("/", ListCompaniesAsync)
            .WithName("ListCompanies")
            .WithSummary("Companies by name")
            .WithDescription("Optional q searches names and aliases; category is kebab-case, e.g. model-developer.");
        group.MapGet("/{slug}", GetCompanyAsync)
            .WithName("GetCompany")
            .WithSummary("A company's profile with its models, investments, events and sources");
        return group;
    }

    internal static async Task<Results<Ok<PagedResult<CompanyDto>>, ValidationProblem>> ListCompaniesAsync(
        CompanyQueries queries,
        string? q,
        string? category,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        CompanyCategory? wanted = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (EnumNames.TryParse<CompanyCategory>(category, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                parsing.Add("category", $"category '{category}' is not a category; use one of {string.Join(", ", Enum.GetValues<CompanyCategory>().Select(EnumNames.Of))}.");
            }
        }
        var query = new CompanyListQuery
        {
            Q = q,
            Category = wanted,
            Page = parsing.Integer("page", page, 1),
            PageSize = parsing.Integer("pageSize", pageSize, EventQuery.DefaultPageSize),
        };
        parsing.AddAll(query.Validate());
        if (parsing.HasErrors)
        {
            return TypedResults.ValidationProblem(parsing.Errors, detail: string.Join(" ", parsing.Errors.Values.SelectMany(v => v)), title: "The company query is not valid.");
        }
        return TypedResults.Ok(await queries.ListAsync(query, cancellationToken));
    }

    internal static async Task<Results<Ok<CompanyProfile>, ProblemHttpResult>> GetCompanyAsync(
        CompanyQueries queries,
        CompanyEditor editor,
        HttpResponse response,
        string slug,
        CancellationToken cancellationToken)
    {
        var profile = await queries.ProfileAsync(slug, cancellationToken);
        if (profile is not null && await editor.LoadAsync(slug, cancellationToken) is { } state)
        {
            // The version PUT /api/companies/{slug} expects in If-Match.
            response.Headers.ETag = EditingApi.ETagOf(state.Version);
        }
        return profile is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Company not found", detail: $"No company has the slug '{slug}'.")
            : TypedResults.Ok(profile);
    }
}
