using System.Diagnostics;
using System.Globalization;

namespace IndustryTracker.Benchmarks;

/// <summary>
/// The circuit load test without browsers (<c>circuits --driver signalr</c>): opens N readers' timeline pages as
/// <see cref="BlazorCircuitClient"/>s, so 200 circuits fit on a 2-core machine beside the server, which 200 Chromium
/// pages don't. A round follows the page's first category facet link on every page (then the link back, alternately)
/// as an enhanced navigation and times each from the request for the new address until the circuit has rendered the
/// page's islands with it: the new page's HTML (which must show the new result count) and the live filter bar.
/// The counts to expect come from the two addresses' pages.
/// </summary>
internal static class SignalRCircuitDriver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(CircuitDriver.Options options)
    {
        using var http = new HttpClient { Timeout = Timeout };
        var page = new Uri(options.Url);
        var html = await http.GetStringAsync(page);
        var select = TimelinePageText.FirstCategoryLink(html, page);
        var unfilteredCount = TimelinePageText.ResultCount(html);
        var filteredCount = TimelinePageText.ResultCount(await http.GetStringAsync(select));
        if (unfilteredCount == filteredCount)
        {
            throw new InvalidOperationException($"Both addresses show “{unfilteredCount}”: a round trip could not be told from no change.");
        }
        Console.WriteLine($"driver: SignalR circuits; select {select.PathAndQuery} (“{filteredCount}”), clear back to “{unfilteredCount}”");

        CircuitDriver.Report("server working set before", options.Pid);
        var opened = Stopwatch.StartNew();
        var clients = await CircuitDriver.OpenAllAsync(options, _ => BlazorCircuitClient.OpenAsync(http, page, unfilteredCount, Timeout));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Count} interactive circuits open in {opened.Elapsed.TotalSeconds:0.0} s; first render {clients.Sum(c => c.BatchBytes) / clients.Length / 1024.0:0} KB in {clients.Average(c => c.Batches):0.0} batches per circuit"));
        CircuitDriver.Report("server working set with every circuit open", options.Pid);

        for (var round = 1; round <= options.Rounds; round++)
        {
            var selecting = round % 2 == 1;
            var bytesBefore = clients.Sum(c => c.BatchBytes);
            var times = await Task.WhenAll(clients.Select(async (client, i) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds((double)options.Spread * i / clients.Length));
                var started = Stopwatch.GetTimestamp();
                await client.NavigateAsync(selecting ? select : page, selecting ? filteredCount : unfilteredCount, Timeout);
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
            Array.Sort(times);
            var when = options.Spread > 0 ? $"one after another across {options.Spread} ms" : "at once";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round} ({(selecting ? "select" : "clear")} on {times.Length} circuits {when}): p50 {CircuitDriver.Percentile(times, 0.50):0} ms, p95 {CircuitDriver.Percentile(times, 0.95):0} ms, max {times[^1]:0} ms; {(clients.Sum(c => c.BatchBytes) - bytesBefore) / times.Length / 1024.0:0} KB of render batches per circuit"));
        }
        CircuitDriver.Report("server working set after the rounds (circuits still open)", options.Pid);
        if (options.Hold > 0)
        {
            Console.WriteLine($"holding the circuits open for {options.Hold} s");
            await Task.Delay(TimeSpan.FromSeconds(options.Hold));
            CircuitDriver.Report("server working set after holding", options.Pid);
        }
        Console.WriteLine("JS interop calls answered: " + string.Join(", ",
            BlazorCircuitClient.JsCalls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} ×{c.Value}")));
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        return 0;
    }
}
