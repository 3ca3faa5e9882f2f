using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components.Server;

namespace IndustryTracker.Web.Startup;

/// <summary>How a circuit's WebSocket compresses what the server sends (<c>Circuits:WebSocketCompression</c>).</summary>
public enum WebSocketCompression
{
    /// <summary>
    /// Each message compressed on its own, both ways (permessage-deflate with <c>server_no_context_takeover</c> and
    /// <c>client_no_context_takeover</c>): the compressor's and decompressor's state is freed after every message instead
    /// of being kept for the connection's lifetime. The default: as few bytes on the wire as <see cref="ContextTakeover"/>
    /// (a render batch repeats little of the one before it) for about 250 KB less native memory per open page.
    /// </summary>
    PerMessage,

    /// <summary>ASP.NET Core's own default: one compressor per connection, its window and state kept between messages.</summary>
    ContextTakeover,

    /// <summary>
    /// Nothing compressed: the least memory per open page, for readers on a local network; a timeline page's first
    /// render then sends about twice the bytes.
    /// </summary>
    Off,
}

/// <summary>The circuits' transport setting, read from the same <c>Circuits</c> section as <see cref="CircuitOptions"/>.</summary>
public sealed class CircuitTransportOptions : IValidatableObject
{
    public WebSocketCompression WebSocketCompression { get; set; } = WebSocketCompression.PerMessage;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(WebSocketCompression))
        {
            yield return new ValidationResult(
                $"Circuits:WebSocketCompression must be one of {string.Join(", ", Enum.GetNames<WebSocketCompression>())}.",
                [nameof(WebSocketCompression)]);
        }
    }
}

/// <summary>Applies <see cref="CircuitTransportOptions.WebSocketCompression"/> to the interactive server render mode's endpoints.</summary>
public static class CircuitCompression
{
    public static void Apply(ServerComponentsEndpointOptions endpoint, WebSocketCompression compression)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        switch (compression)
        {
            case WebSocketCompression.Off:
                endpoint.DisableWebSocketCompression = true;
                break;
            case WebSocketCompression.PerMessage:
                // With a callback of its own ASP.NET Core still sends frame-ancestors from ContentSecurityFrameAncestorsPolicy,
                // as it does for its default compression (a compressed socket must not be framed by another site).
                endpoint.ConfigureWebSocketAcceptContext = (http, accept) =>
                {
                    accept.DangerousEnableCompression = true;
                    accept.DisableServerContextTakeover = true;
                    AskClientForNoContextTakeover(http.Request);
                    return Task.CompletedTask;
                };
                break;
            case WebSocketCompression.ContextTakeover:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(compression), compression, "Not a WebSocket compression mode.");
        }
    }

    /// <summary>
    /// Makes the server's answer to a browser's permessage-deflate offer carry <c>client_no_context_takeover</c>, so the
    /// browser compresses each message on its own too and the server keeps no decompressor per open page either. RFC 7692
    /// (7.1.1.1) lets a server add it to its answer even when the offer lacks it; ASP.NET Core's WebSocket middleware
    /// answers with what the offer holds, so it is added to the offer before the middleware reads it. What browsers send
    /// is small (events and acknowledgements), so their compression loses next to nothing.
    /// </summary>
    private static void AskClientForNoContextTakeover(HttpRequest request)
    {
        var offer = request.Headers.SecWebSocketExtensions.ToString();
        if (offer.StartsWith("permessage-deflate", StringComparison.OrdinalIgnoreCase) && !offer.Contains(',', StringComparison.Ordinal)
            && !offer.Contains("client_no_context_takeover", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.SecWebSocketExtensions = offer + "; client_no_context_takeover";
        }
    }
}
