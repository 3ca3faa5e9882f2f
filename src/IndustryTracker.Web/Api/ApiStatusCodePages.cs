using Microsoft.AspNetCore.Diagnostics;

namespace IndustryTracker.Web.Api;

public static class ApiStatusCodePages
{
    /// <summary>
    /// API answers keep their own status and body: the HTML status-code pages (re-executing /not-found with the
    /// request's method) would turn a 401/403 on POST/PUT/DELETE into a 400 or 405 from the page endpoint.
    /// Call right after UseStatusCodePagesWithReExecute.
    /// </summary>
    public static IApplicationBuilder UseNoStatusCodePagesForApi(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IStatusCodePagesFeature>() is { } feature)
            {
                feature.Enabled = false;
            }
            return next(context);
        });
}
