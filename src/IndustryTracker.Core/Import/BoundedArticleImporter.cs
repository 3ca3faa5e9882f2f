using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Wraps an importer so that every article import or preview observes the caller's cancellation, is abandoned after
/// <see cref="ImportLimits.TimeBudget"/> with a clear message and nothing written, and runs only while fewer than
/// <see cref="ImportLimits.MaxConcurrent"/> others do (else <see cref="ImportCapacityExceededException"/>).
/// </summary>
/// <remarks>
/// The work runs on the thread pool, so a caller waiting on it is released the moment the budget runs out even while
/// the parser is busy. The abandoned work's token is cancelled, so its next database step throws and its transaction
/// rolls back; its slot is freed only when it has really stopped, so abandoned work still counts against the cap and
/// the CPU it can use stays bounded. Folder imports (CLI, seeding) are local, trusted and cancelled by Ctrl-C; they
/// pass straight through.
/// </remarks>
public sealed class BoundedArticleImporter(
    IArticleImporter inner,
    ImportLimits limits,
    TimeProvider time,
    ILogger<BoundedArticleImporter> logger) : IArticleImporter
{
    private readonly SemaphoreSlim _slots = new(limits.MaxConcurrent, limits.MaxConcurrent);

    public int MaxFileBytes => inner.MaxFileBytes;

    /// <summary>How many imports or previews are running now, abandoned ones included.</summary>
    public int Running => limits.MaxConcurrent - _slots.CurrentCount;

    public Task<ImportResult> ImportAsync(ArticleSource source, CancellationToken cancellationToken = default) =>
        RunBoundedAsync(
            source,
            token => inner.ImportAsync(source, token),
            fileName => ImportResult.Rejected(fileName, AbandonedMessage(fileName, "import")),
            cancellationToken);

    public Task<ImportPreview> PreviewAsync(ArticleSource source, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default) =>
        RunBoundedAsync(
            source,
            token => inner.PreviewAsync(source, progress, token),
            fileName => ImportPreview.Rejected(fileName, AbandonedMessage(fileName, "preview")),
            cancellationToken);

    public Task<IReadOnlyList<ImportResult>> ImportPathsAsync(IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        inner.ImportPathsAsync(paths, progress, cancellationToken);

    public Task<IReadOnlyList<ImportPreview>> PreviewPathsAsync(IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        inner.PreviewPathsAsync(paths, progress, cancellationToken);

    private string AbandonedMessage(string fileName, string what) =>
        $"The {what} of {fileName} took longer than its time budget of {limits.TimeBudget.TotalSeconds:0.###} s and was abandoned; nothing was written. Split the article into smaller files.";

    private async Task<T> RunBoundedAsync<T>(
        ArticleSource source,
        Func<CancellationToken, Task<T>> run,
        Func<string, T> abandoned,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_slots.Wait(0, CancellationToken.None))
        {
            logger.LogWarning("Refused an import of {FileName}: {MaxConcurrent} imports are already running", source.FileName, limits.MaxConcurrent);
            throw new ImportCapacityExceededException(limits.MaxConcurrent);
        }

        var budget = new CancellationTokenSource(limits.TimeBudget, time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        Task<T> work;
        try
        {
            work = Task.Run(() => run(linked.Token), linked.Token);
        }
        catch
        {
            Release(budget, linked);
            throw;
        }
        // The slot and the token sources live until the work has really stopped, whoever stops waiting for it first.
        _ = work.ContinueWith(
            finished =>
            {
                _ = finished.Exception; // observed: an abandoned import's failure was already answered for
                Release(budget, linked);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            return await work.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Abandoned the import of {FileName} after its time budget of {TimeBudget}; nothing was written", source.FileName, limits.TimeBudget);
            return abandoned(string.IsNullOrWhiteSpace(source.FileName) ? "(unnamed)" : Path.GetFileName(source.FileName));
        }
    }

    private void Release(CancellationTokenSource budget, CancellationTokenSource linked)
    {
        linked.Dispose();
        budget.Dispose();
        _slots.Release();
    }
}
