using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Security;

/// <summary>Bound from "Accounts:LoginRateLimit": how many sign-in attempts one client IP may make per window.</summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Accounts:LoginRateLimit";

    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// The built-in rate limiter on sign-in: POST /api/auth/login and the /login form share one fixed window per client
/// IP (GETs of the form are not counted). Over the limit the answer is 429 with a clear message.
/// Apply with <c>[EnableRateLimiting(LoginRateLimit.Policy)]</c> or <c>.RequireRateLimiting(LoginRateLimit.Policy)</c>.
/// </summary>
public static class LoginRateLimit
{
    public const string Policy = "login";

    public const string TooManyAttempts = "Too many sign-in attempts from your address. Wait a minute and try again.";

    internal static WebApplicationBuilder AddLoginRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LoginRateLimitOptions>()
            .Bind(builder.Configuration.GetSection(LoginRateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginRateLimit))
                    .LogWarning("Sign-in rate limit exceeded for {RemoteIp} on {Path}", http.Connection.RemoteIpAddress, http.Request.Path);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = http.RequestServices.GetRequiredService<IOptions<LoginRateLimitOptions>>().Value.WindowSeconds
                    .ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (SecuritySetup.IsApiRequest(http.Request))
                {
                    await http.Response.WriteAsJsonAsync(
                        new { title = "Too many requests", status = 429, detail = TooManyAttempts }, cancellationToken);
                }
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(
                        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts · IndustryTracker</title></head><body><h1>Too many attempts</h1><p role=\"alert\">{TooManyAttempts}</p><p><a href=\"/login\">Back to sign in</a></p></body></html>",
                        cancellationToken);
                }
            };
            options.AddPolicy(Policy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("not-a-sign-in");
                }
                var limits = http.RequestServices.GetRequiredService<IOptions<LoginRateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
        });
        return builder;
    }
}
