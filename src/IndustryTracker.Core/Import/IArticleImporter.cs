namespace IndustryTracker.Core.Import;

/// <summary>
/// Turns news articles into structured, sourced facts. Import is idempotent by content hash, runs one transaction
/// per article, and rejects a bad file with a clear message without writing anything for it.
/// </summary>
public interface IArticleImporter
{
    /// <summary>Files larger than this are rejected without being read.</summary>
    int MaxFileBytes => ArticleDecoder.DefaultMaxBytes;

    /// <summary>Imports one article given as raw bytes (a file, an upload, pasted text).</summary>
    Task<ImportResult> ImportAsync(ArticleSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the same pipeline as <see cref="ImportAsync"/> up to the write and reports what an import would store,
    /// without writing anything. <paramref name="progress"/> hears each stage as it starts.
    /// </summary>
    Task<ImportPreview> PreviewAsync(ArticleSource source, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Imports files and folders (every *.txt and *.md inside, in name order), reporting progress per file.</summary>
    Task<IReadOnlyList<ImportResult>> ImportPathsAsync(
        IEnumerable<string> paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>Previews files and folders like <see cref="ImportPathsAsync"/> would import them, writing nothing.</summary>
    Task<IReadOnlyList<ImportPreview>> PreviewPathsAsync(
        IEnumerable<string> paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

/// <summary>An article's raw content and the name it is known by.</summary>
public sealed record ArticleSource(string FileName, byte[] Content)
{
    /// <summary>
    /// Who imports it (an editor uploading it): the facts are stamped "import (that name)" — the importer acting for
    /// them, so a later import may still refine or retract them (<see cref="Auditing.SystemActor.ImportFor"/>); null
    /// means the importer on its own, "import".
    /// </summary>
    public string? Actor { get; init; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ImportOutcome>))]
public enum ImportOutcome
{
    /// <summary>New content: its facts were written.</summary>
    Imported,

    /// <summary>The same content (by SHA-256) was imported before; nothing changed.</summary>
    Unchanged,

    /// <summary>The file could not be imported; nothing was written for it.</summary>
    Rejected,
}

/// <summary>What one article's import did, with per-kind counts of what it found.</summary>
public sealed record ImportResult(string FileName, ImportOutcome Outcome, string? Error, ImportCounts Counts)
{
    /// <summary>The article's id: the new one when imported, the earlier one when unchanged; null when rejected.</summary>
    public int? ArticleId { get; init; }

    /// <summary>True when the file name was imported before with other content and this import replaced it.</summary>
    public bool Replaced { get; init; }

    /// <summary>How long the import took, from the file's bytes to the committed write (decoding, parsing, extracting,
    /// writing); zero unless imported.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// One clear line per problem the import worked around (a timeline date that is not a date, a list item without a
    /// description) and per decision worth a reader's attention (an editor's values kept over what the new text states).
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static ImportResult Rejected(string fileName, string error) => new(fileName, ImportOutcome.Rejected, error, ImportCounts.None);
}

public sealed record ImportCounts(int Paragraphs, int Companies, int Models, int Investments, int Events, int Mentions)
{
    public int Valuations { get; init; }

    /// <summary>Facts an editor had rejected from this text, not written again.</summary>
    public int Rejected { get; init; }

    /// <summary>The facts read, by confidence (high: a structured item or explicit pattern).</summary>
    public ConfidenceCounts ByConfidence { get; init; } = ConfidenceCounts.None;

    public static ImportCounts None { get; } = new(0, 0, 0, 0, 0, 0);
}

public sealed record ImportProgress(int Done, int Total, string FileName, ImportOutcome Outcome);
