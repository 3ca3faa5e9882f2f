using System.Diagnostics;
using System.Text;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// Parsing and extraction observe the import's cancellation token inside their loops (per line, per sentence), so a
/// cancelled import — the caller's, or the time budget's — stops its CPU work at once instead of finishing the article.
/// </summary>
public sealed class ImportCancellationTests
{
    [Fact]
    public void The_parser_observes_a_cancelled_token()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ArticleParser.Parse(LongArticleTests.Article(oneLine: false), cancelled.Token));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Extraction_cancelled_while_it_runs_on_a_1_MB_article_stops_promptly(bool oneLine)
    {
        var article = ArticleParser.Parse(LongArticleTests.Article(oneLine), TestContext.Current.CancellationToken).Article!;
        var directory = CompanyDirectory.Build(ReferenceData.Default, [], article.Profiles);
        var catalog = ModelCatalog.Build(ReferenceData.Default, []);
        // Since the importer's speed-ups the whole extraction can take under 100 ms on an idle machine, so a later
        // deadline may never be reached; 5 ms falls inside the run (or, at worst, just before its first sentence). The
        // cancel comes from a thread of its own, not a timer: a timer's callback waits for a thread-pool thread, which a
        // busy parallel test run can keep from it for seconds, long after the extraction has finished.
        using var soon = new CancellationTokenSource();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(5);
            soon.Cancel();
        }) { IsBackground = true };

        var clock = Stopwatch.StartNew();
        canceller.Start();
        Assert.ThrowsAny<OperationCanceledException>(() => FactExtractor.Extract(article, directory, catalog, ReferenceData.Default, soon.Token));
        clock.Stop();
        canceller.Join();

        // Generous for a loaded machine: the point is that it stops at the next sentence, not at the end of the article.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"extraction stopped only after {clock.Elapsed}");
    }

    [Fact]
    public async Task An_import_abandoned_by_its_time_budget_stops_working_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await RowCountsAsync(database);
        // 5 ms, timed from a thread of its own (see above): a 300 ms budget on the system's timers was once met by the
        // whole import in CI, as the timer's callback waited for a thread-pool thread and the import is fast now.
        var importer = new BoundedArticleImporter(
            Importer(database),
            new ImportLimits { TimeBudget = TimeSpan.FromMilliseconds(5), MaxConcurrent = 1 },
            new ThreadTimers(),
            NullLogger<BoundedArticleImporter>.Instance);

        var result = await importer.ImportAsync(new ArticleSource("long.txt", Encoding.UTF8.GetBytes(LongArticleTests.Article(oneLine: true))), Ct);

        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.Contains("time budget", result.Error, StringComparison.Ordinal);
        // The abandoned work holds its slot until it has really stopped: it must stop long before it could have
        // finished the article.
        var clock = Stopwatch.StartNew();
        while (importer.Running > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the abandoned import kept parsing and extracting");
            await Task.Delay(20, Ct);
        }
        Assert.Equal(before, await RowCountsAsync(database));
    }

    /// <summary>The system's clock, but each timer fires from a thread of its own rather than from the thread pool.</summary>
    private sealed class ThreadTimers : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new ThreadTimer(callback, state, dueTime);
    }

    /// <summary>Fires once after its due time (an import's budget never repeats nor changes).</summary>
    private sealed class ThreadTimer : ITimer
    {
        private volatile bool _disposed;

        public ThreadTimer(TimerCallback callback, object? state, TimeSpan dueTime)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }
            new Thread(() =>
            {
                Thread.Sleep(dueTime);
                if (!_disposed)
                {
                    callback(state);
                }
            }) { IsBackground = true }.Start();
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException("An import's budget is set once.");

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
