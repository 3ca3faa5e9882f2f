using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryTracker.Core;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// Every web import is bounded: it observes its caller's cancellation, is abandoned after its time budget with nothing
/// written, and at most <see cref="ImportLimits.MaxConcurrent"/> run at once.
/// </summary>
public sealed class ImportBoundsTests
{
    private static readonly TimeSpan ShortBudget = TimeSpan.FromMilliseconds(400);

    private static BoundedArticleImporter Bounded(IArticleImporter inner, TimeSpan budget, int maxConcurrent = 2) =>
        new(inner, new ImportLimits { TimeBudget = budget, MaxConcurrent = maxConcurrent }, TimeProvider.System, NullLogger<BoundedArticleImporter>.Instance);

    private static async Task<ArticleSource> SeedSourceAsync(string prefix)
    {
        var path = Seed(prefix);
        return new ArticleSource(Path.GetFileName(path), await File.ReadAllBytesAsync(path, Ct));
    }

    private static async Task WaitUntilStoppedAsync(BoundedArticleImporter importer)
    {
        var clock = Stopwatch.StartNew();
        while (importer.Running > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the abandoned import never stopped");
            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task An_import_slower_than_its_budget_is_abandoned_with_a_clear_message_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await RowCountsAsync(database);
        var slow = new SlowFactory(database, SlowFactory.Stage.Save);
        // Long enough to reach the write on a loaded machine; the write then stalls past it.
        var importer = Bounded(Importer(database, slow), TimeSpan.FromSeconds(5));

        var clock = Stopwatch.StartNew();
        var result = await importer.ImportAsync(await SeedSourceAsync("001"), Ct);
        clock.Stop();

        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.Contains("time budget of 5 s", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the caller waited {clock.Elapsed}");
        Assert.True(slow.Delays > 0, "the write was never reached: the test did not test the write");
        await WaitUntilStoppedAsync(importer);
        Assert.Equal(before, await RowCountsAsync(database));
    }

    [Fact]
    public async Task A_preview_slower_than_its_budget_is_abandoned()
    {
        await using var database = await TestDatabase.CreateAsync();
        var slow = new SlowFactory(database, SlowFactory.Stage.Read);
        var importer = Bounded(Importer(database, slow), ShortBudget);

        var preview = await importer.PreviewAsync(await SeedSourceAsync("001"), cancellationToken: Ct);

        Assert.Equal(ImportOutcome.Rejected, preview.Outcome);
        Assert.Contains("time budget", preview.Error, StringComparison.Ordinal);
        await WaitUntilStoppedAsync(importer);
    }

    [Fact]
    public async Task A_caller_who_gives_up_cancels_the_import_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await RowCountsAsync(database);
        var slow = new SlowFactory(database, SlowFactory.Stage.Save);
        var importer = Bounded(Importer(database, slow), TimeSpan.FromMinutes(5));
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        caller.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await importer.ImportAsync(await SeedSourceAsync("001"), caller.Token));

        await WaitUntilStoppedAsync(importer);
        Assert.Equal(before, await RowCountsAsync(database));
    }

    [Fact]
    public async Task Imports_beyond_the_cap_are_refused_until_a_slot_frees_and_abandoned_work_keeps_its_slot_until_it_stops()
    {
        var gate = new GatedImporter();
        var importer = Bounded(gate, TimeSpan.FromMinutes(5), maxConcurrent: 1);

        var first = importer.ImportAsync(new ArticleSource("a.txt", [1]), Ct);
        await gate.Started.Task.WaitAsync(Ct);
        var refused = await Assert.ThrowsAsync<ImportCapacityExceededException>(() => importer.ImportAsync(new ArticleSource("b.txt", [2]), Ct));
        Assert.Contains("1 imports are already running", refused.Message, StringComparison.Ordinal);

        gate.Release.SetResult();
        Assert.Equal(ImportOutcome.Imported, (await first).Outcome);
        await WaitUntilStoppedAsync(importer);
        Assert.Equal(ImportOutcome.Imported, (await importer.ImportAsync(new ArticleSource("c.txt", [3]), Ct)).Outcome);
    }

    [Fact]
    public void The_core_registration_bounds_the_importer_with_the_configured_limits()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:IndustryTracker"] = "Data Source=:memory:",
            ["Import:TimeBudget"] = "00:00:05",
            ["Import:MaxConcurrent"] = "3",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddIndustryTrackerCore(configuration).BuildServiceProvider();

        var importer = Assert.IsType<BoundedArticleImporter>(services.GetRequiredService<IArticleImporter>());
        var limits = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportLimits>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(5), limits.TimeBudget);
        Assert.Equal(3, limits.MaxConcurrent);
        Assert.Equal(0, importer.Running);
    }

    [Fact]
    public async Task The_upload_api_answers_429_with_a_message_when_the_cap_is_reached()
    {
        await using var database = await TestDatabase.CreateAsync();
        var gate = new GatedImporter();
        await using var factory = new TrackerWebApplicationFactory(database, registerImporter: false, testAuthentication: true);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.RemoveAll<IArticleImporter>();
            services.AddSingleton<IArticleImporter>(Bounded(gate, TimeSpan.FromMinutes(5), maxConcurrent: 1));
        }));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .ActingAs("ed@example.com", IndustryTracker.Web.Security.Roles.Editor);

        var first = client.PostAsync("/api/sources?fileName=a.txt", Text("first"), Ct);
        await gate.Started.Task.WaitAsync(Ct);
        using var second = await client.PostAsync("/api/sources?fileName=b.txt", Text("second"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter is not null);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("already running", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        gate.Release.SetResult();
        using var firstResponse = await first;
        Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
    }

    private static ByteArrayContent Text(string text)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return content;
    }

    /// <summary>Imports succeed, each one only once the test releases the gate.</summary>
    private sealed class GatedImporter : IArticleImporter
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ImportResult> ImportAsync(ArticleSource source, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return new ImportResult(source.FileName, ImportOutcome.Imported, null, ImportCounts.None) { ArticleId = 1 };
        }

        public Task<ImportPreview> PreviewAsync(ArticleSource source, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ImportResult>> ImportPathsAsync(IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ImportResult>>([]); // the web app's start-up seeding: nothing to seed

        public Task<IReadOnlyList<ImportPreview>> PreviewPathsAsync(IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    /// <summary>
    /// The test hook that makes an article slow: contexts whose saves (or reads) stall for a minute, observing their
    /// cancellation token like any database call does.
    /// </summary>
    private sealed class SlowFactory(TestDatabase database, SlowFactory.Stage stage) : IDbContextFactory<IndustryTrackerDbContext>
    {
        public enum Stage { Read, Save }

        private readonly StallInterceptor _stall = new(stage);

        public int Delays => _stall.Delays;

        public IndustryTrackerDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
            DependencyInjection.ConfigureProvider(builder, database.Options)
                .AddInterceptors(new AuditingInterceptor(database.Time, SystemActor.Import), new Core.History.HistoryInterceptor(database.Time, SystemActor.Import), _stall);
            return new IndustryTrackerDbContext(builder.Options);
        }

        private sealed class StallInterceptor(Stage stage) : DbCommandInterceptor
        {
            private int _delays;

            public int Delays => _delays;

            public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
                System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
            {
                var writes = command.CommandText.Contains("INSERT", StringComparison.OrdinalIgnoreCase);
                if (stage == Stage.Read || writes)
                {
                    Interlocked.Increment(ref _delays);
                    await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                }
                return result;
            }

            public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
                System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (command.CommandText.Contains("INSERT", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _delays);
                    await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                }
                return result;
            }
        }
    }
}
