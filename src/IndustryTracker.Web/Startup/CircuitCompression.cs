using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components.Server;

namespace IndustryTracker.Web.Startup;

/// <summary>How a circuit's WebSocket compresses what the server sends (<c>Circuits:WebSocketCompression</c>).</summary>
public enum WebSocketCompression
{
    /// <summary>
    /// Each message compressed on its own (permessage-deflate with <c>server_no_context_takeover</c>): the compressor's
    /// state is freed after every message instead of being kept for the connection's lifetime. The default: as few
    /// bytes on the wire as <see cref="ContextTakeover"/> (a render batch repeats little of the one before it) for
    /// about 200 KB less native memory per open page.
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
                endpoint.ConfigureWebSocketAcceptContext = (_, accept) =>
                {
                    accept.DangerousEnableCompression = true;
                    accept.DisableServerContextTakeover = true;
                    return Task.CompletedTask;
                };
                break;
            case WebSocketCompression.ContextTakeover:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(compression), compression, "Not a WebSocket compression mode.");
        }
    }
}
