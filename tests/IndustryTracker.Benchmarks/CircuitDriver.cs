using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace IndustryTracker.Benchmarks;

/// <summary>
/// The circuit load test (benchmarks/circuits.sh): opens N readers' timeline pages in one Chromium, keeps them and
/// their circuits (the live app bar and filter bar) connected, then on every page at once toggles a category facet (an
/// enhanced navigation: the server renders the new address, the page merges it and the circuit updates the filter
/// bar) and times each change from the click until the page shows it.
/// <c>--driver signalr</c> drives the circuits without browsers instead (<see cref="SignalRCircuitDriver"/>).
/// Reports p50/p95/max of those round trips per round and the server's working set (VmRSS of --pid) before the
/// pages, with all of them open, and after the rounds. With --spread MS the pages click one after another across MS
/// milliseconds instead of all at once: readers who each change a filter once in that window, while every page stays open.
/// </summary>
internal static class CircuitDriver
{
    private const string Usage =
        "circuits --url URL --pid SERVER_PID [--driver chromium|signalr] [--count 200] [--rounds 4] [--open-parallel 8] [--spread 0] [--hold 0] [--chromium /usr/bin/chromium]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        if (options.Driver == "signalr")
        {
            return await SignalRCircuitDriver.RunAsync(options);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.Chromium,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage", "--renderer-process-limit=8"],
        });
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(120_000);

        Report("server working set before", options.Pid);
        var opened = Stopwatch.StartNew();
        var pages = await OpenAllAsync(options, async _ =>
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(options.Url);
            await page.Locator("#app-status[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            return page;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.Count} interactive pages open in {opened.Elapsed.TotalSeconds:0.0} s"));
        Report("server working set with every page open", options.Pid);

        var category = await pages[0].Locator("#facet-categories a.facet-link").First.GetAttributeAsync("data-value")
            ?? throw new InvalidOperationException("The timeline shows no category facet to toggle.");
        for (var round = 1; round <= options.Rounds; round++)
        {
            var selecting = round % 2 == 1;
            var times = await Task.WhenAll(pages.Select(async (page, i) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds((double)options.Spread * i / pages.Length));
                return await ToggleAsync(page, category, selecting);
            }));
            Array.Sort(times);
            var when = options.Spread > 0 ? $"one after another across {options.Spread} ms" : "at once";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round} ({(selecting ? "select" : "clear")} category={category} on {times.Length} pages {when}): p50 {Percentile(times, 0.50):0} ms, p95 {Percentile(times, 0.95):0} ms, max {times[^1]:0} ms"));
        }
        Report("server working set after the rounds (pages still open)", options.Pid);
        if (options.Hold > 0)
        {
            // Time to inspect the server with every circuit still open (dotnet-gcdump, dotnet-counters).
            Console.WriteLine($"holding the pages open for {options.Hold} s");
            await Task.Delay(TimeSpan.FromSeconds(options.Hold));
            Report("server working set after holding", options.Pid);
        }
        await context.CloseAsync();
        return 0;
    }

    /// <summary>
    /// Clicks the category's facet chip and waits until the re-rendered chip shows the new state and the result count
    /// has changed (the count changes only once the page has loaded the new filter's events); milliseconds.
    /// </summary>
    private static async Task<double> ToggleAsync(IPage page, string category, bool selecting)
    {
        var chip = page.Locator($"#facet-categories a.facet-link[data-value='{category}']");
        var count = await page.Locator("#result-count").TextContentAsync();
        var started = Stopwatch.GetTimestamp();
        await chip.ClickAsync();
        if (selecting)
        {
            await page.Locator($"#facet-categories a.facet-link[data-value='{category}'][aria-current='true']").WaitForAsync();
        }
        else
        {
            await page.Locator("#facet-categories a.facet-link[aria-current='true']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        await page.WaitForFunctionAsync("count => document.getElementById('result-count')?.textContent !== count", count);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Opens <c>--count</c> pages or circuits, <c>--open-parallel</c> at a time.</summary>
    internal static async Task<T[]> OpenAllAsync<T>(Options options, Func<int, Task<T>> open)
    {
        var opened = new T[options.Count];
        using var gate = new SemaphoreSlim(options.OpenParallel);
        await Task.WhenAll(Enumerable.Range(0, options.Count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                opened[i] = await open(i);
            }
            finally
            {
                gate.Release();
            }
        }));
        return opened;
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>
    /// The server's resident set now (VmRSS), its peak so far (VmHWM) and its parts: anonymous memory (GC heaps, native
    /// allocations such as SQLite's page caches), mapped files (the runtime and assemblies) and shared memory (the JIT's
    /// double-mapped code pages), from /proc.
    /// </summary>
    internal static void Report(string label, int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            Console.WriteLine($"{label}: unknown (no such process)");
            return;
        }
        var lines = File.ReadAllLines(status);
        string Field(string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim() ?? "?";
        Console.WriteLine($"{label}: {Field("VmRSS:")} (peak {Field("VmHWM:")}; anonymous {Field("RssAnon:")}, files {Field("RssFile:")}, shared {Field("RssShmem:")})");
    }

    internal sealed record Options(string Url, int Pid, string Driver, int Count, int Rounds, int OpenParallel, int Spread, int Hold, string Chromium);

    private static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }
            values[args[i][2..]] = args[i + 1];
        }
        int Int(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var driver = values.GetValueOrDefault("driver", "chromium");
        if (!values.TryGetValue("url", out var url) || !values.ContainsKey("pid") || driver is not ("chromium" or "signalr"))
        {
            return null;
        }
        return new Options(url, Int("pid", 0), driver, Int("count", 200), Int("rounds", 4), Int("open-parallel", 8), Int("spread", 0), Int("hold", 0),
            values.GetValueOrDefault("chromium", "/usr/bin/chromium"));
    }
}
