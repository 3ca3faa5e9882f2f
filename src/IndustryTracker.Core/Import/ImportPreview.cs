using IndustryTracker.Core.Contracts;

namespace IndustryTracker.Core.Import;

/// <summary>The stages of one article's import, reported as each starts.</summary>
public enum ImportStage
{
    Decoding,
    Parsing,
    Extracting,
}

/// <summary>
/// What importing one article would store, computed by the import pipeline without writing. <see cref="Outcome"/> is
/// <see cref="ImportOutcome.Imported"/> when the content is new (it would be imported), <see cref="ImportOutcome.Unchanged"/>
/// when the same content (by SHA-256) was imported before (<see cref="ExistingArticleId"/>), and
/// <see cref="ImportOutcome.Rejected"/> with <see cref="Error"/> when it cannot be imported.
/// </summary>
public sealed record ImportPreview(string FileName, ImportOutcome Outcome, string? Error)
{
    public string? Sha256 { get; init; }
    public int? ExistingArticleId { get; init; }
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    public string? Author { get; init; }
    public string? Url { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public int Paragraphs { get; init; }
    public IReadOnlyList<PreviewCompany> Companies { get; init; } = [];
    public IReadOnlyList<PreviewModel> Models { get; init; } = [];
    public IReadOnlyList<PreviewInvestment> Investments { get; init; } = [];
    public IReadOnlyList<PreviewEvent> Events { get; init; } = [];
    public IReadOnlyList<PreviewValuation> Valuations { get; init; } = [];

    /// <summary>What the parser noticed but imported anyway.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The counts an import would report.</summary>
    public ImportCounts Counts { get; init; } = ImportCounts.None;

    public static ImportPreview Rejected(string fileName, string error) => new(fileName, ImportOutcome.Rejected, error);
}

/// <summary>A company the article names; <see cref="IsNew"/> when the import would create it.</summary>
public sealed record PreviewCompany(string Name, bool IsNew, string? Slug, IReadOnlyList<PreviewQuote> Quotes);

/// <summary>A model the article names; <see cref="IsNew"/> when the import would create it.</summary>
public sealed record PreviewModel(string Name, bool IsNew, string? Developer, IReadOnlyList<PreviewQuote> Quotes);

public sealed record PreviewInvestment(
    string Kind,
    string? Recipient,
    IReadOnlyList<string> Investors,
    string? Amount,
    string? Round,
    DateDto? Announced,
    IReadOnlyList<PreviewQuote> Quotes);

public sealed record PreviewEvent(
    string Title,
    DateDto Date,
    string Category,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> Models,
    IReadOnlyList<PreviewQuote> Quotes);

/// <summary>A valuation the article states, with the confidence it was read with.</summary>
public sealed record PreviewValuation(string Company, string AsReported, DateDto? Date, string Confidence, IReadOnlyList<PreviewQuote> Quotes);

public sealed record PreviewQuote(int Paragraph, string Quote);
