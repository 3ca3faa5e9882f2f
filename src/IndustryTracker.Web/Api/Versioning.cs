using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace IndustryTracker.Web.Api;

/// <summary>
/// Optimistic concurrency over HTTP, one way for every versioned resource: the weak ETag <c>W/"3"</c> of a version,
/// the <c>If-Match</c> endpoint filter (428 without it, 400 when unreadable) and the one 409 problem shape.
/// </summary>
public static class Versioning
{
    private const string VersionKey = "IndustryTracker.IfMatchVersion";

    /// <summary>The weak ETag of a version: <c>W/"3"</c>.</summary>
    public static string ETagOf(int version) => string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"");

    /// <summary>Answers 428/400 unless the request's If-Match names a version; the endpoint reads it with <see cref="ExpectedVersion"/>.</summary>
    public static TBuilder RequireIfMatch<TBuilder>(this TBuilder builder, string what) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var (version, problem) = Parse(context.HttpContext.Request.Headers.IfMatch.ToString(), what);
            if (problem is not null)
            {
                return problem;
            }
            context.HttpContext.Items[VersionKey] = version;
            return await next(context);
        });
        return builder
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    /// <summary>The version If-Match named, checked by <see cref="RequireIfMatch"/>.</summary>
    public static int ExpectedVersion(HttpContext context) =>
        context.Items[VersionKey] is int version ? version : throw new InvalidOperationException("The endpoint has no RequireIfMatch filter.");

    internal static (int Version, IResult? Problem) Parse(string header, string what)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return (0, TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match is required.",
                detail: $"Send the ETag from GET of the {what} as If-Match (e.g. If-Match: W/\"3\") so a change saved by someone else is never overwritten silently."));
        }
        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag) && !tag.Equals(EntityTagHeaderValue.Any)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (version, null);
        }
        return (0, TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["If-Match"] = [$"If-Match '{header}' is not a {what} version; send the ETag from GET of the {what}, e.g. W/\"3\"."] },
            title: "The If-Match header is not valid."));
    }

    /// <summary>The one 409: who saved which version when, the current state in <c>current</c>, its ETag in the header.</summary>
    public static ProblemHttpResult Conflict(HttpContext context, string what, int currentVersion, string? updatedBy, DateTimeOffset updatedAt, object current)
    {
        context.Response.Headers.ETag = ETagOf(currentVersion);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: $"The {what} was changed by someone else.",
            detail: string.Create(CultureInfo.InvariantCulture,
                $"The version in If-Match is not the saved one: version {currentVersion} was saved by {updatedBy ?? "someone"} at {updatedAt:u}. Nothing was changed. Compare with 'current', then send your change again with If-Match: {ETagOf(currentVersion)} to overwrite it."),
            extensions: new Dictionary<string, object?> { ["current"] = current });
    }
}
