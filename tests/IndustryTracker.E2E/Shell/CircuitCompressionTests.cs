using System.Net.Http.Json;
using System.Net.WebSockets;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Shell;

/// <summary>
/// What a circuit's WebSocket negotiates with a browser that offers compression (Chromium offers permessage-deflate),
/// on the real server: each message compressed on its own both ways by default (the server keeps no compressor or
/// decompressor per open page), and what an operator's <c>Circuits:WebSocketCompression</c> asks for otherwise.
/// </summary>
public sealed class CircuitCompressionTests
{
    [Theory]
    [InlineData(null, "permessage-deflate; client_max_window_bits=15; client_no_context_takeover; server_no_context_takeover")]
    [InlineData("ContextTakeover", "permessage-deflate; client_max_window_bits=15")]
    [InlineData("Off", null)]
    public async Task A_circuit_socket_negotiates_the_configured_compression(string? setting, string? extension)
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = new Dictionary<string, string>();
        if (setting is not null)
        {
            environment["Circuits__WebSocketCompression"] = setting;
        }
        await using var server = await AppServer.StartAsync(environment, ct);

        var negotiated = await ConnectAsync(server, ct);

        Assert.Equal(extension, negotiated);
    }

    /// <summary>Opens the circuit hub's WebSocket as a browser would (negotiate, then upgrade) and returns the extension the server accepted.</summary>
    private static async Task<string?> ConnectAsync(AppServer server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var negotiation = await http.PostAsync("_blazor/negotiate?negotiateVersion=1", content: null, cancellationToken);
        negotiation.EnsureSuccessStatusCode();
        var token = (await negotiation.Content.ReadFromJsonAsync<Negotiation>(cancellationToken))!.ConnectionToken;

        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}/_blazor?id={Uri.EscapeDataString(token)}"), cancellationToken);
        Assert.Equal(WebSocketState.Open, socket.State);
        var extension = socket.HttpResponseHeaders!.TryGetValue("Sec-WebSocket-Extensions", out var values) ? string.Join(", ", values) : null;
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        return extension;
    }

    private sealed record Negotiation(string ConnectionToken);
}
