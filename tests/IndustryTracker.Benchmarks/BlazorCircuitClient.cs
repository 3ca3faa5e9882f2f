using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Benchmarks;

/// <summary>
/// One interactive page's circuit, driven as blazor.web.js drives it but without a browser: GET the prerendered page,
/// connect to <c>/_blazor</c> (MessagePack under the name "blazorpack", a WebSocket offering permessage-deflate as
/// browsers do), <c>StartCircuit</c>, hand the page's root-component markers and persisted state to
/// <c>UpdateRootComponents</c>, acknowledge every render batch in order (<c>OnRenderCompleted</c>) and answer every JS
/// interop call. A link click the router intercepts is <c>OnLocationChanged(uri, null, intercepted: true)</c>, as the
/// browser sends it. The client applies nothing to a DOM: it watches the render batches' bytes for a text the page
/// should show (batches carry every new string as UTF-8).
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private (byte[] Needle, TaskCompletionSource Shown)? _waiting;
    private long _nextJsObjectId = 1;

    /// <summary>How many JS interop calls of each identifier the clients answered, for the driver's report.</summary>
    public static ConcurrentDictionary<string, int> JsCalls { get; } = new(StringComparer.Ordinal);

    public string? Error { get; private set; }
    public long Batches { get; private set; }
    public long BatchBytes { get; private set; }

    private BlazorCircuitClient(HubConnection connection) => _connection = connection;

    /// <summary>Opens the page at <paramref name="pageUrl"/> and waits until its interactive render shows <paramref name="expected"/>.</summary>
    public static async Task<BlazorCircuitClient> OpenAsync(HttpClient http, Uri pageUrl, string expected, TimeSpan timeout)
    {
        var html = await http.GetStringAsync(pageUrl);
        var markers = ServerMarker().Matches(html).Select(m => m.Groups["json"].Value).ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{pageUrl} has no interactive server component markers.");
        }
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";
        var baseUri = new Uri(pageUrl, "/");

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options =>
                options.WebSocketConfiguration = socket => socket.DangerousDeflateOptions = new WebSocketDeflateOptions());
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol(new MessagePackHubProtocol()));
        var connection = builder.Build();
        var client = new BlazorCircuitClient(connection);
        client.Listen();
        await connection.StartAsync();
        var secret = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUrl.ToString(), "[]", "");
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"The server refused to start a circuit for {pageUrl}: {client.Error}");
        }
        var operations = new
        {
            batchId = 0,
            operations = markers.Select((marker, i) => new { type = "add", ssrComponentId = i, marker = JsonSerializer.Deserialize<JsonElement>(marker) }),
        };
        var shown = client.WaitForAsync(expected, timeout);
        await connection.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(operations), state);
        await shown;
        return client;
    }

    /// <summary>Follows a link as the router does and waits until a render batch carries <paramref name="expected"/>.</summary>
    public async Task NavigateAsync(Uri url, string expected, TimeSpan timeout)
    {
        var shown = WaitForAsync(expected, timeout);
        await _connection.SendAsync("OnLocationChanged", url.ToString(), null, true);
        await shown;
    }

    private Task WaitForAsync(string expected, TimeSpan timeout)
    {
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting = (Encoding.UTF8.GetBytes(expected), shown);
        }
        return shown.Task.WaitAsync(timeout);
    }

    private void Listen()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (id, batch) =>
        {
            lock (_gate)
            {
                Batches++;
                BatchBytes += batch.Length;
                if (_waiting is { } waiting && batch.AsSpan().IndexOf(waiting.Needle) >= 0)
                {
                    _waiting = null;
                    waiting.Shown.TrySetResult();
                }
            }
            await _connection.SendAsync("OnRenderCompleted", id, null);
        });
        // (taskId, identifier, argsJson, resultType, targetInstanceId, callType): answered at once with what a light-mode
        // 1280×800 browser answers where the caller reads a value, a fresh object reference where it expects one
        // (JSCallResultType.JSObjectReference = 1), and null elsewhere.
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async arguments =>
        {
            var taskId = (long)arguments[0]!;
            if (taskId == 0)
            {
                return;
            }
            var identifier = (string)arguments[1]!;
            JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
            var result = (int)arguments[3]! == 1
                ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}"
                : BrowserAnswers.GetValueOrDefault(identifier, "null");
            await _connection.SendAsync("EndInvokeJSFromDotNet", taskId, true, $"[{taskId},true,{result}]");
        });
        _connection.On<string>("JS.Error", error =>
        {
            Error = error;
            lock (_gate)
            {
                _waiting?.Shown.TrySetException(new InvalidOperationException($"The circuit failed: {error}"));
                _waiting = null;
            }
        });
        foreach (var ignored in new[] { "JS.EndInvokeDotNet", "JS.AttachComponent", "JS.EndUpdateRootComponents", "JS.EndLocationChanging" })
        {
            _connection.On(ignored, [], _ => Task.CompletedTask);
        }
    }

    private static readonly Dictionary<string, string> BrowserAnswers = new(StringComparer.Ordinal)
    {
        ["mudThemeProvider.isDarkMode"] = "false",
        ["mudpopoverHelper.countProviders"] = "1",
        ["window.hasOwnProperty"] = "true",
        ["mudResizeListener.getBrowserWindowSize"] = """{"width":1280,"height":800}""",
        ["mudElementRef.getBoundingClientRect"] = """{"left":0,"top":0,"width":200,"height":40,"right":200,"bottom":40,"x":0,"y":0}""",
    };

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    [GeneratedRegex(@"<!--Blazor:(?<json>\{""type"":""server"".*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex PersistedState();

    /// <summary>Blazor's hub accepts only "blazorpack": SignalR's MessagePack protocol under another name.</summary>
    private sealed class BlazorPackProtocol(IHubProtocol inner) : IHubProtocol
    {
        public string Name => "blazorpack";
        public int Version => inner.Version;
        public TransferFormat TransferFormat => inner.TransferFormat;
        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);
        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);
    }
}
