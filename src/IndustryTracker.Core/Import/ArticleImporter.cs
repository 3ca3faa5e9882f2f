using System.Security.Cryptography;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import.Reference;
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

    public async Task<ImportResult> ImportAsync(ArticleSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var fileName = Path.GetFileName(source.FileName?.Trim() ?? string.Empty);
        if (fileName.Length == 0)
        {
            fileName = "(unnamed)";
        }
        if (fileName.Length > 260)
        {
            fileName = fileName[..260];
        }
        if (source.Content is null)
        {
            return Reject(fileName, "The file has no content.");
        }

        var decoded = ArticleDecoder.Decode(source.Content, MaxFileBytes);
        if (decoded.Error is not null)
        {
            return Reject(fileName, decoded.Error);
        }

        var parsed = ArticleParser.Parse(decoded.Text!);
        if (parsed.Error is not null)
        {
            return Reject(fileName, parsed.Error);
        }
        var article = parsed.Article!;
        foreach (var warning in article.Warnings)
        {
            logger.LogWarning("{FileName}: {Warning}", fileName, warning);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(source.Content));
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            db.Actor = SystemActor.Import.Name;
            if (await db.Articles.AnyAsync(a => a.Sha256 == sha256, cancellationToken))
            {
                logger.LogInformation("{FileName} is unchanged: content {Sha256} was imported before", fileName, sha256);
                return new ImportResult(fileName, ImportOutcome.Unchanged, null, ImportCounts.None);
            }

            // An edited article comes back under the same file name: its new text replaces the old one (see ArticleWriter).
            var previous = await db.Articles
                .Where(a => a.FileName == fileName)
                .OrderByDescending(a => a.Id)
                .FirstOrDefaultAsync(cancellationToken);

            var existingCompanies = await db.Companies.ToListAsync(cancellationToken);
            var existingModels = await db.AiModels.Include(m => m.Developer).ToListAsync(cancellationToken);
            var directory = CompanyDirectory.Build(Reference, existingCompanies, article.Profiles);
            var catalog = ModelCatalog.Build(Reference, existingModels);
            var facts = FactExtractor.Extract(article, directory, catalog, Reference);

            var writer = new ArticleWriter(db, Reference);
            var counts = await writer.WriteAsync(article, facts, directory, fileName, sha256, time.GetUtcNow(), previous, cancellationToken);
            foreach (var note in writer.Notes)
            {
                logger.LogWarning("{FileName}: {Note}", fileName, note);
            }
            logger.LogInformation(
                "Imported {FileName} ({Kind}): {Paragraphs} paragraphs, {Companies} companies, {Models} models, {Investments} investments, {Events} events, {Mentions} mentions",
                fileName, previous is null ? "new" : "replaces the previous version", counts.Paragraphs, counts.Companies, counts.Models, counts.Investments, counts.Events, counts.Mentions);
            return new ImportResult(fileName, ImportOutcome.Imported, null, counts) { Replaced = previous is not null, Notes = [.. article.Warnings, .. writer.Notes] };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import of {FileName} failed; nothing was written for it", fileName);
            return ImportResult.Rejected(fileName, $"The import failed and nothing was written: {ex.GetBaseException().Message}");
        }
    }

    public async Task<IReadOnlyList<ImportResult>> ImportPathsAsync(
        IEnumerable<string> paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var items = paths.SelectMany(Expand).ToList();
        var results = new List<ImportResult>(items.Count);
        foreach (var (path, error) in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = error is not null
                ? Reject(path, error)
                : await ImportFileAsync(path, cancellationToken);
            results.Add(result);
            progress?.Report(new ImportProgress(results.Count, items.Count, result.FileName, result.Outcome));
        }
        return results;
    }

    private async Task<ImportResult> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        byte[] content;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                return Reject(fileName, ArticleDecoder.TooLarge(length, MaxFileBytes));
            }
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Reject(fileName, $"The file could not be read: {ex.Message}");
        }
        return await ImportAsync(new ArticleSource(fileName, content), cancellationToken);
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
