using System.Security.Cryptography;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Import.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The import pipeline: <see cref="ArticleDecoder"/> (bytes → text, or a rejection) → idempotency check by SHA-256 →
/// <see cref="ArticleParser"/> (structure) → <see cref="FactExtractor"/> (companies, models, events) →
/// <see cref="ArticleWriter"/> (one transaction). Each article uses its own short-lived context.
/// </summary>
public sealed class ArticleImporter(
    IDbContextFactory<IndustryTrackerDbContext> contextFactory,
    TimeProvider time,
    ILogger<ArticleImporter> logger) : IArticleImporter
{
    public static readonly string[] FolderPatterns = ["*.txt", "*.md"];

    /// <summary>Files larger than this are rejected without being read.</summary>
    public int MaxFileBytes { get; init; } = ArticleDecoder.DefaultMaxBytes;

    /// <summary>The reference lists used to recognise companies and models; the embedded lists by default.</summary>
    public ReferenceData Reference { get; init; } = ReferenceData.Default;

    public Task<ImportResult> ImportAsync(ArticleSource source, CancellationToken cancellationToken = default) =>
        ImportAsync(source, known: null, cancellationToken);

    /// <param name="known">The run's stored companies and models, kept from the previous article; null reads them all.</param>
    private async Task<ImportResult> ImportAsync(ArticleSource source, KnownEntitiesCache? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var started = time.GetTimestamp();
        var opening = OpenContextAsync(cancellationToken);
        var prepared = await PrepareBesideAsync(opening, source, progress: null, cancellationToken);
        if (prepared.Error is not null)
        {
            await DiscardAsync(opening);
            return Reject(prepared.FileName, prepared.Error);
        }
        var fileName = prepared.FileName;
        try
        {
            await using var readAhead = ArticleReadAhead.Start(prepared.Article!, cancellationToken);
            await using var db = await opening;
            db.Actor = SystemActor.ImportFor(source.Actor);
            var warmUp = TrackingWarmUp.RunAsync(contextFactory, cancellationToken);
            var extracted = await ExtractAsync(db, prepared, readAhead, known, progress: null, cancellationToken);
            await WarmedUpAsync(warmUp);
            if (extracted.ExistingArticleId is { } existingId)
            {
                logger.LogInformation("{FileName} is unchanged: content {Sha256} was imported before", fileName, prepared.Sha256);
                return new ImportResult(fileName, ImportOutcome.Unchanged, null, ImportCounts.None) { ArticleId = existingId };
            }

            // An edited article comes back under the same file name: its new text replaces the old one (see ArticleWriter).
            var previous = await db.Articles
                .Where(a => a.FileName == fileName)
                .OrderByDescending(a => a.Id)
                .FirstOrDefaultAsync(cancellationToken);

            var writer = new ArticleWriter(db, Reference);
            var counts = await writer.WriteAsync(prepared.Article!, extracted.Facts!, extracted.Directory!, fileName, prepared.Sha256!, time.GetUtcNow(), previous, cancellationToken);
            known?.Written(db);
            foreach (var note in writer.Notes)
            {
                logger.LogWarning("{FileName}: {Note}", fileName, note);
            }
            var elapsed = time.GetElapsedTime(started);
            logger.LogInformation(
                "Imported {FileName} ({Kind}) as {Actor} in {ElapsedMs} ms: {Paragraphs} paragraphs, {Companies} companies, {Models} models, {Investments} investments, {Events} events, {Mentions} mentions",
                fileName, previous is null ? "new" : "replaces the previous version", db.Actor, (long)elapsed.TotalMilliseconds, counts.Paragraphs, counts.Companies, counts.Models, counts.Investments, counts.Events, counts.Mentions);
            return new ImportResult(fileName, ImportOutcome.Imported, null, counts)
            {
                Elapsed = elapsed,
                ArticleId = writer.ArticleId,
                Replaced = previous is not null,
                Notes = [.. prepared.Article!.Warnings, .. extracted.Facts!.Notes, .. writer.Notes],
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            known?.Forget();
            logger.LogError(ex, "Import of {FileName} failed; nothing was written for it", fileName);
            return ImportResult.Rejected(fileName, $"The import failed and nothing was written: {ex.GetBaseException().Message}");
        }
    }

    public Task<ImportPreview> PreviewAsync(ArticleSource source, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default) =>
        PreviewAsync(source, progress, known: null, cancellationToken);

    private async Task<ImportPreview> PreviewAsync(ArticleSource source, IProgress<ImportStage>? progress, KnownEntitiesCache? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var opening = OpenContextAsync(cancellationToken);
        var prepared = await PrepareBesideAsync(opening, source, progress, cancellationToken);
        if (prepared.Error is not null)
        {
            await DiscardAsync(opening);
            logger.LogInformation("Preview rejected {FileName}: {Reason}", prepared.FileName, prepared.Error);
            return ImportPreview.Rejected(prepared.FileName, prepared.Error);
        }
        try
        {
            // Read-only: this context is never saved.
            await using var readAhead = ArticleReadAhead.Start(prepared.Article!, cancellationToken);
            await using var db = await opening;
            var extracted = await ExtractAsync(db, prepared, readAhead, known, progress, cancellationToken);
            return ImportPreviewBuilder.Build(prepared.FileName, prepared.Sha256!, prepared.Article!, extracted.Facts, extracted.ExistingArticleId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            known?.Forget();
            logger.LogError(ex, "Preview of {FileName} failed", prepared.FileName);
            return ImportPreview.Rejected(prepared.FileName, $"The article could not be read: {ex.GetBaseException().Message}");
        }
    }

    /// <summary>
    /// The article's context, opened on another core while this one decodes and parses the file: in a fresh process the
    /// context's first use builds EF Core's model (about a third of a second), which then overlaps the parse instead of
    /// following it. The caller owns the context once it awaits it.
    /// </summary>
    private Task<IndustryTrackerDbContext> OpenContextAsync(CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                try
                {
                    _ = db.Model;
                    return db;
                }
                catch
                {
                    await db.DisposeAsync();
                    throw;
                }
            },
            cancellationToken);

    /// <summary><see cref="Prepare"/> while the context opens; a parse that is cancelled (or fails) discards the context.</summary>
    private async Task<Prepared> PrepareBesideAsync(Task<IndustryTrackerDbContext> opening, ArticleSource source, IProgress<ImportStage>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return Prepare(source, progress, cancellationToken);
        }
        catch
        {
            await DiscardAsync(opening);
            throw;
        }
    }

    /// <summary>Disposes a context opened for an article that was refused before it needed one; a failure to open is moot then.</summary>
    private static async Task DiscardAsync(Task<IndustryTrackerDbContext> opening)
    {
        try
        {
            await (await opening).DisposeAsync();
        }
        catch (Exception)
        {
            // The article is refused for its own reason, which is the one to report.
        }
    }

    /// <summary>The end of <see cref="TrackingWarmUp"/>, which only saves the write some time: a failure there is the write's to meet, not the import's.</summary>
    private async Task WarmedUpAsync(Task warmUp)
    {
        try
        {
            await warmUp;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Warming up the change tracker failed");
        }
    }

    /// <summary>An article's bytes decoded and parsed, or why they cannot be; no database access.</summary>
    private sealed record Prepared(string FileName, string? Error, ParsedArticle? Article = null, string? Sha256 = null);

    /// <summary>The facts extracted against the database's companies and models, or the earlier article with the same content.</summary>
    private sealed record Extracted(int? ExistingArticleId, ArticleFacts? Facts = null, CompanyDirectory? Directory = null);

    /// <summary>Names, decodes and parses; the shared first half of <see cref="ImportAsync"/> and <see cref="PreviewAsync"/>.</summary>
    private Prepared Prepare(ArticleSource source, IProgress<ImportStage>? progress, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(source.FileName?.Trim() ?? string.Empty);
        if (fileName.Length == 0)
        {
            fileName = "(unnamed)";
        }
        if (fileName.Length > Review.FactLimits.FileName)
        {
            fileName = fileName[..Review.FactLimits.FileName];
        }
        if (source.Content is null)
        {
            return new(fileName, "The file has no content.");
        }

        progress?.Report(ImportStage.Decoding);
        var decoded = ArticleDecoder.Decode(source.Content, MaxFileBytes);
        if (decoded.Error is not null)
        {
            return new(fileName, decoded.Error);
        }

        progress?.Report(ImportStage.Parsing);
        var parsed = ArticleParser.Parse(decoded.Text!, cancellationToken);
        if (parsed.Error is not null)
        {
            return new(fileName, parsed.Error);
        }
        foreach (var warning in parsed.Article!.Warnings)
        {
            logger.LogWarning("{FileName}: {Warning}", fileName, warning);
        }
        return new(fileName, null, parsed.Article, Convert.ToHexStringLower(SHA256.HashData(source.Content)));
    }

    /// <summary>
    /// The idempotency check and fact extraction; the shared second half. Reads <paramref name="db"/>, never writes.
    /// What needs no database was started on another core as soon as the article was parsed, while the context was
    /// still being opened (<paramref name="readAhead"/>); the extraction takes the names it found.
    /// </summary>
    private async Task<Extracted> ExtractAsync(
        IndustryTrackerDbContext db, Prepared prepared, ArticleReadAhead readAhead, KnownEntitiesCache? cache, IProgress<ImportStage>? progress, CancellationToken cancellationToken)
    {
        var sha256 = prepared.Sha256!;
        var article = prepared.Article!;
        var existing = await db.Articles.Where(a => a.Sha256 == sha256).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new(existing);
        }

        progress?.Report(ImportStage.Extracting);
        var known = cache is null ? await KnownEntities.LoadAsync(db, cancellationToken) : await cache.LoadAsync(db, cancellationToken);
        var directory = CompanyDirectory.Build(Reference, known.Companies, article.Profiles);
        var catalog = ModelCatalog.Build(Reference, known.Models);
        var facts = FactExtractor.Extract(article, directory, catalog, Reference, await readAhead.NamesAsync(), cancellationToken);
        return new(null, facts, directory);
    }

    public Task<IReadOnlyList<ImportResult>> ImportPathsAsync(
        IEnumerable<string> paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        ForEachPathAsync(
            paths,
            known => (source, ct) => ImportAsync(source, known, ct),
            (name, error) => Reject(name, error),
            r => (r.FileName, r.Outcome),
            progress,
            cancellationToken);

    public Task<IReadOnlyList<ImportPreview>> PreviewPathsAsync(
        IEnumerable<string> paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        ForEachPathAsync(
            paths,
            known => (source, ct) => PreviewAsync(source, progress: null, known, ct),
            ImportPreview.Rejected,
            r => (r.FileName, r.Outcome),
            progress,
            cancellationToken);

    /// <summary>
    /// Expands <paramref name="paths"/>, reads each file (refusing oversize ones unread) and runs <paramref name="run"/>
    /// on it, one after the other, with the stored companies and models kept from one article to the next.
    /// </summary>
    private async Task<IReadOnlyList<T>> ForEachPathAsync<T>(
        IEnumerable<string> paths,
        Func<KnownEntitiesCache, Func<ArticleSource, CancellationToken, Task<T>>> runWith,
        Func<string, string, T> reject,
        Func<T, (string FileName, ImportOutcome Outcome)> describe,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var items = paths.SelectMany(Expand).ToList();
        var results = new List<T>(items.Count);
        var run = runWith(new KnownEntitiesCache());
        foreach (var (path, error) in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            T result;
            if (error is not null)
            {
                result = reject(path, error);
            }
            else
            {
                var (source, readError) = await ReadFileAsync(path, cancellationToken);
                result = source is null ? reject(Path.GetFileName(path), readError!) : await run(source, cancellationToken);
            }
            results.Add(result);
            var (fileName, outcome) = describe(result);
            progress?.Report(new ImportProgress(results.Count, items.Count, fileName, outcome));
        }
        return results;
    }

    private async Task<(ArticleSource? Source, string? Error)> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                return (null, ArticleDecoder.TooLarge(length, MaxFileBytes));
            }
            return (new ArticleSource(fileName, await File.ReadAllBytesAsync(path, cancellationToken)), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"The file could not be read: {ex.Message}");
        }
    }

    /// <summary>A file stays itself; a folder becomes its *.txt and *.md files (not subfolders), ordered by name.</summary>
    private static IEnumerable<(string Path, string? Error)> Expand(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return [("(empty path)", "No path was given.")];
        }
        if (File.Exists(path))
        {
            return [(path, null)];
        }
        if (Directory.Exists(path))
        {
            return FolderPatterns
                .SelectMany(pattern => Directory.EnumerateFiles(path, pattern, SearchOption.TopDirectoryOnly))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(Path.GetFileName, StringComparer.Ordinal)
                .Select(file => (file, (string?)null));
        }
        return [(path, $"No such file or folder: {path}")];
    }

    private ImportResult Reject(string fileName, string error)
    {
        logger.LogWarning("Rejected {FileName}: {Reason}", fileName, error);
        return ImportResult.Rejected(fileName, error);
    }
}
