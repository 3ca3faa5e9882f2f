using Microsoft.AspNetCore.Diagnostics;

namespace IndustryTracker.Web.Api;

public static class ApiStatusCodePages
{
    /// <summary>
    /// The not-found page is for people reading pages: API answers keep their own status and body (401, 403, 404),
    /// and a write (POST/PUT/DELETE) is never re-executed as a page, whose form handling would turn a 404 into a 400.
    /// Call right after UseStatusCodePagesWithReExecute.
    /// </summary>
    public static IApplicationBuilder UseNoStatusCodePagesForApi(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if ((context.Request.Path.StartsWithSegments("/api") || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
                && context.Features.Get<IStatusCodePagesFeature>() is { } feature)
            {
                feature.Enabled = false;
            }
            return next(context);
        });
}
