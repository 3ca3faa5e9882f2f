using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IndustryTracker.Web.Security;

/// <summary>
/// Protection for write endpoints, in one call. Use it on every POST/PUT/PATCH/DELETE endpoint or group:
/// <code>
/// var events = app.MapGroup("/api/events");
/// events.MapPost("", CreateAsync).RequireEditor();          // or: app.MapGroup("/api/x").RequireEditor();
/// </code>
/// It requires the policy (<see cref="Policies.CanEdit"/> or <see cref="Policies.CanAdminister"/>) and, for requests
/// authenticated by the Identity cookie, a valid antiforgery token — a browser page or script gets one from
/// <c>GET /api/auth/antiforgery</c> (or renders &lt;AntiforgeryToken /&gt; in a form) and sends it in the
/// <c>RequestVerificationToken</c> header (or the <c>__RequestVerificationToken</c> form field). Requests with a
/// bearer token (<c>Authorization: Bearer</c>) need no antiforgery token: a browser never attaches one by itself.
/// A missing or wrong token answers 400 and the endpoint does not run.
/// </summary>
public static class WriteProtection
{
    public const string HeaderName = "RequestVerificationToken";

    /// <summary>Editor or Admin, plus antiforgery for cookie-authenticated writes.</summary>
    public static TBuilder RequireEditor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireWriteAccess(Policies.CanEdit);

    /// <summary>Admin only, plus antiforgery for cookie-authenticated writes.</summary>
    public static TBuilder RequireAdministrator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireWriteAccess(Policies.CanAdminister);

    public static TBuilder RequireWriteAccess<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy);
        builder.AddEndpointFilter(ValidateCookieAntiforgeryAsync);
        return builder;
    }

    /// <summary>Rejects a cookie-authenticated write whose antiforgery token is missing or invalid.</summary>
    internal static async ValueTask<object?> ValidateCookieAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (IsWrite(http.Request.Method) && !SecuritySetup.HasBearerToken(http.Request)
            && (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Antiforgery token missing or invalid",
                detail: $"A write signed in by cookie needs the token from GET /api/auth/antiforgery in the {HeaderName} header (or use a bearer token).");
        }
        return await next(context);
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
