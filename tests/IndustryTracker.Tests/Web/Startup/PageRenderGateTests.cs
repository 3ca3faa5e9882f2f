using System.Net;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Startup;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Tests.Web.Startup;

/// <summary>
/// PageRenderGate: at most MaxConcurrent pages render at once, the rest wait their turn in arrival order, a full queue
/// is answered 503 with Retry-After, and requests that are not page renders never wait.
/// </summary>
public sealed class PageRenderGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Page : Microsoft.AspNetCore.Components.ComponentBase;

    private static DefaultHttpContext Request(bool page)
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        var metadata = page ? new EndpointMetadataCollection(new ComponentTypeMetadata(typeof(Page))) : new EndpointMetadataCollection();
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, metadata, page ? "page" : "api"));
        return http;
    }

    /// <summary>A render that lasts until it is released; records when it started.</summary>
    private sealed class Renders
    {
        private readonly Dictionary<int, TaskCompletionSource> _release = [];
        private readonly List<int> _started = [];

        public int[] Started
        {
            get
            {
                lock (_release)
                {
                    return [.. _started];
                }
            }
        }

        /// <summary>The ids started so far, once <paramref name="count"/> have (a queued render starts on another thread).</summary>
        public async Task<int[]> StartedAsync(int count)
        {
            for (var waited = 0; Started.Length < count && waited < 5_000; waited += 10)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
            await Task.Delay(50, TestContext.Current.CancellationToken); // and no more than that start meanwhile
            return Started;
        }
        public int Running { get; private set; }
        public int MostAtOnce { get; private set; }

        public RequestDelegate For(int id)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_release)
            {
                _release[id] = release;
            }
            return async _ =>
            {
                lock (_release)
                {
                    _started.Add(id);
                    MostAtOnce = Math.Max(MostAtOnce, ++Running);
                }
                await release.Task;
                lock (_release)
                {
                    Running--;
                }
            };
        }

        public void Release(int id)
        {
            lock (_release)
            {
                _release[id].TrySetResult();
            }
        }
    }

    private static PageRenderGate Gate(int concurrent, int queued) =>
        new(Options.Create(new PageRenderOptions { MaxConcurrent = concurrent, MaxQueued = queued }));

    [Fact]
    public async Task At_most_the_limit_render_at_once_and_the_others_start_in_arrival_order()
    {
        using var gate = Gate(concurrent: 2, queued: 10);
        var renders = new Renders();

        var requests = Enumerable.Range(1, 5).Select(id => gate.InvokeAsync(Request(page: true), renders.For(id))).ToList();
        Assert.Equal(new[] { 1, 2 }, await renders.StartedAsync(2));

        renders.Release(2);
        await requests[1];
        Assert.Equal(new[] { 1, 2, 3 }, await renders.StartedAsync(3));
        renders.Release(1);
        await requests[0];
        Assert.Equal(new[] { 1, 2, 3, 4 }, await renders.StartedAsync(4));
        foreach (var id in new[] { 3, 4, 5 })
        {
            renders.Release(id);
        }
        await Task.WhenAll(requests).WaitAsync(Ct);

        Assert.Equal([1, 2, 3, 4, 5], renders.Started);
        Assert.Equal(2, renders.MostAtOnce);
    }

    [Fact]
    public async Task A_page_beyond_the_queue_is_answered_503_with_retry_after_and_is_not_rendered()
    {
        using var gate = Gate(concurrent: 1, queued: 1);
        var renders = new Renders();
        var running = gate.InvokeAsync(Request(page: true), renders.For(1));
        var waiting = gate.InvokeAsync(Request(page: true), renders.For(2));
        var refused = Request(page: true);

        await gate.InvokeAsync(refused, renders.For(3));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, refused.Response.StatusCode);
        Assert.Equal("1", refused.Response.Headers.RetryAfter.ToString());
        refused.Response.Body.Position = 0;
        Assert.Contains(PageRenderGate.Busy, await new StreamReader(refused.Response.Body).ReadToEndAsync(Ct), StringComparison.Ordinal);
        renders.Release(1);
        renders.Release(2);
        await Task.WhenAll(running, waiting).WaitAsync(Ct);
        Assert.Equal([1, 2], renders.Started);
    }

    [Fact]
    public async Task Requests_that_are_not_page_renders_never_wait()
    {
        using var gate = Gate(concurrent: 1, queued: 10);
        var renders = new Renders();
        var page = gate.InvokeAsync(Request(page: true), renders.For(1));

        var api = gate.InvokeAsync(Request(page: false), renders.For(2));

        Assert.Equal(new[] { 1, 2 }, await renders.StartedAsync(2));
        renders.Release(2);
        renders.Release(1);
        await Task.WhenAll(page, api).WaitAsync(Ct);
    }

    [Fact]
    public async Task In_the_app_a_page_waits_for_the_gate_and_the_api_does_not()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        await using var factory = new TrackerWebApplicationFactory(database);
        await using var app = factory.WithWebHostBuilder(builder => builder
            .UseSetting("PageRenders:MaxConcurrent", "1")
            .UseSetting("PageRenders:MaxQueued", "0"));
        using var client = app.CreateClient();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The app's own gate, its one render taken: the next page request finds no room and no queue.
        var held = app.Services.GetRequiredService<PageRenderGate>().InvokeAsync(Request(page: true), _ => release.Task);

        using var page = await client.GetAsync("/timeline?company=baidu", Ct);
        using var api = await client.GetAsync("/api/events?company=baidu", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("1", page.Headers.RetryAfter?.ToString());
        Assert.Contains(PageRenderGate.Busy, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        release.SetResult();
        await held.WaitAsync(Ct);
        using var later = await client.GetAsync("/timeline?company=baidu", Ct);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public void By_default_four_pages_per_processor_render_at_once()
    {
        Assert.Equal(4 * Environment.ProcessorCount, new PageRenderOptions().EffectiveMaxConcurrent);
        Assert.Equal(3, new PageRenderOptions { MaxConcurrent = 3 }.EffectiveMaxConcurrent);
    }
}
