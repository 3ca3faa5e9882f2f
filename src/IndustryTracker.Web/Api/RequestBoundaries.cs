using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryTracker.Web.Api;

/// <summary>
/// What the framework binds (request bodies of merges, accounts, sign-in) follows the same rules as <see cref="JsonBody"/>:
/// unknown fields refused, and a malformed body, a wrongly typed field or a body of the wrong type answered with a
/// problem naming the field (from <see cref="JsonException.Path"/>), logged at Information: nothing a client sends is
/// an Error in the logs.
/// </summary>
public static class RequestBoundaries
{
    public static IServiceCollection AddRequestBoundaries(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Binding failures become exceptions, answered below, instead of a silent empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UseRequestBoundaries(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestBoundaries));
                logger.LogInformation("Refused a bad request to {Path} with {StatusCode}: {Reason}", context.Request.Path.Value, ex.StatusCode, ex.Message);
                context.Response.Clear();
                await Problem(ex).ExecuteAsync(context);
            }
        });

    internal static ProblemHttpResult Problem(BadHttpRequestException ex)
    {
        if (ex.InnerException is JsonException json)
        {
            var field = JsonBody.FieldOf(json.Path);
            return JsonBody.Problem(StatusCodes.Status400BadRequest, field, field == "body"
                ? "The body is not valid JSON."
                : $"'{field}' is not known here, has the wrong type or is not valid JSON.");
        }
        var message = ex.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The body is too large for this endpoint.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
            _ => "The request could not be read: a required value is missing or not of the expected type.",
        };
        return JsonBody.Problem(ex.StatusCode, "body", message);
    }
}
