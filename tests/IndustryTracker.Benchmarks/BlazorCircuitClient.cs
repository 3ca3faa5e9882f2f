using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
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
/// One reader's timeline page and its circuit, driven as blazor.web.js drives them but without a browser. The page is
/// static HTML with interactive islands (the app bar, the filter bar): GET it, connect to <c>/_blazor</c> (MessagePack
/// under the name "blazorpack", a WebSocket offering permessage-deflate as browsers do), <c>StartCircuit</c>, hand the
/// islands' markers and persisted state to <c>UpdateRootComponents</c> ("add"), acknowledge every render batch in
/// order (<c>OnRenderCompleted</c>) and answer every JS interop call. Following a link is an enhanced navigation: GET
/// the new address as blazor.web.js fetches it, then hand the islands their new markers ("update"), which the server
/// confirms with <c>JS.EndUpdateRootComponents</c> once they have rendered. Nothing is applied to a DOM: the text a
/// page should show is looked for in its HTML.
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _pendingBatches = new();
    private long _nextBatchId;
    private int _islands;
    private long _nextJsObjectId = 1;
    private long _batches;
    private long _batchBytes;

    /// <summary>How many JS interop calls of each identifier the clients answered, for the driver's report.</summary>
    public static ConcurrentDictionary<string, int> JsCalls { get; } = new(StringComparer.Ordinal);

    public string? Error { get; private set; }
    public long Batches => Interlocked.Read(ref _batches);
    public long BatchBytes => Interlocked.Read(ref _batchBytes);

    private BlazorCircuitClient(HubConnection connection, HttpClient http) => (_connection, _http) = (connection, http);

    /// <summary>Opens the page at <paramref name="pageUrl"/>, which must show <paramref name="expected"/>, and waits until its islands are live.</summary>
    public static async Task<BlazorCircuitClient> OpenAsync(HttpClient http, Uri pageUrl, string expected, TimeSpan timeout)
    {
        var html = await http.GetStringAsync(pageUrl);
        Expect(html, pageUrl, expected);
        var markers = Markers(html);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{pageUrl} has no interactive server component markers.");
        }
        var baseUri = new Uri(pageUrl, "/");

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options =>
                options.WebSocketConfiguration = socket => socket.DangerousDeflateOptions = new WebSocketDeflateOptions());
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol(new MessagePackHubProtocol()));
        var connection = builder.Build();
        var client = new BlazorCircuitClient(connection, http) { _islands = markers.Count };
        client.Listen();
        await connection.StartAsync();
        var secret = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUrl.ToString(), "[]", "");
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"The server refused to start a circuit for {pageUrl}: {client.Error}");
        }
        await client.UpdateRootComponentsAsync("add", markers, PersistedState(html), timeout);
        return client;
    }

    /// <summary>
    /// Follows a link as enhanced navigation does: fetches <paramref name="url"/>, which must show
    /// <paramref name="expected"/>, and waits until the circuit has rendered the islands with their new parameters.
    /// </summary>
    public async Task NavigateAsync(Uri url, string expected, TimeSpan timeout)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        using var response = await _http.SendAsync(request).WaitAsync(timeout);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        Expect(html, url, expected);
        var markers = Markers(html);
        if (markers.Count != _islands)
        {
            throw new InvalidOperationException($"{url} has {markers.Count} interactive islands where the page had {_islands}.");
        }
        await UpdateRootComponentsAsync("update", markers, PersistedState(html), timeout);
    }

    private static void Expect(string html, Uri url, string expected)
    {
        if (!html.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} does not show “{expected}”.");
        }
    }

    private async Task UpdateRootComponentsAsync(string type, IReadOnlyList<string> markers, string state, TimeSpan timeout)
    {
        var batchId = Interlocked.Increment(ref _nextBatchId);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingBatches[batchId] = done;
        var operations = new
        {
            batchId,
            operations = markers.Select((marker, i) => new { type, ssrComponentId = i + 1, marker = JsonSerializer.Deserialize<JsonElement>(marker) }),
        };
        try
        {
            await _connection.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(operations), state);
            await done.Task.WaitAsync(timeout);
        }
        finally
        {
            _pendingBatches.TryRemove(batchId, out _);
        }
    }

    private static List<string> Markers(string html) => [.. ServerMarker().Matches(html).Select(m => m.Groups["json"].Value)];

    private static string PersistedState(string html) => PersistedStateComment().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";

    private void Listen()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (id, batch) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _batchBytes, batch.Length);
            await _connection.SendAsync("OnRenderCompleted", id, null);
        });
        _connection.On<long>("JS.EndUpdateRootComponents", batchId =>
        {
            if (_pendingBatches.TryGetValue(batchId, out var done))
            {
                done.TrySetResult();
            }
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
            foreach (var done in _pendingBatches.Values)
            {
                done.TrySetException(new InvalidOperationException($"The circuit failed: {error}"));
            }
        });
        foreach (var ignored in new[] { "JS.EndInvokeDotNet", "JS.AttachComponent", "JS.EndLocationChanging" })
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
    private static partial Regex PersistedStateComment();

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
