using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Investments;

namespace IndustryTracker.Core.Queries;

/// <summary>Paging shared by the list queries: a 1-based page and a page size of at most <see cref="MaxPageSize"/>.</summary>
public abstract record PagedQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Paging.Errors(Page, PageSize, MaxPageSize));
        return errors;
    }

    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), "query");
        }
    }
}

/// <summary>Which models to list: by developer slug, kind and status (each empty for any).</summary>
public sealed record ModelQuery : PagedQuery
{
    public IReadOnlyList<string> Developers { get; init; } = [];
    public IReadOnlyList<AiModelKind> Kinds { get; init; } = [];
    public IReadOnlyList<AiModelStatus> Statuses { get; init; } = [];

    /// <summary>The column to sort by (the name by default).</summary>
    public ModelSort Sort { get; init; } = ModelSort.Name;

    /// <summary>Z to A (latest first) instead of A to Z; models without a value for the column stay last.</summary>
    public bool Descending { get; init; }
}

/// <summary>
/// A model with its developer's slug, the quotes behind it and the events it appears in (all of them, or the first
/// when a page asked for a limit); <see cref="EventCount"/> counts them all.
/// </summary>
public sealed record ModelDetail(
    ModelDto Model,
    CompanyLink? Developer,
    IReadOnlyList<QuoteDto> Sources,
    IReadOnlyList<EventDto> Events,
    IReadOnlyDictionary<string, string> ArticleTitles,
    int EventCount);

/// <summary>
/// Which investments to list: those involving any of <see cref="Companies"/> (as recipient or investor), of any of
/// <see cref="Kinds"/>, announced in a range overlapping [<see cref="From"/>, <see cref="To"/>] (undated ones only when
/// no date is asked for).
/// </summary>
public sealed record InvestmentQuery : PagedQuery
{
    public IReadOnlyList<string> Companies { get; init; } = [];
    public IReadOnlyList<InvestmentKind> Kinds { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>The column to sort by (the announcement date by default).</summary>
    public InvestmentSort Sort { get; init; } = InvestmentSort.Date;

    /// <summary>Latest (largest, Z to A) first instead of earliest first; for the recipient and amount, empty ones stay last.</summary>
    public bool Descending { get; init; }

    /// <summary>Only investments an editor confirmed: <c>confirmed=true</c>.</summary>
    public bool ConfirmedOnly { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var errors = base.Validate().ToList();
        if (From is { } from && To is { } to && from > to)
        {
            errors.Add($"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }
        return errors;
    }
}

/// <summary>Which page of articles to list, sorted by which column.</summary>
public sealed record SourceListQuery : PagedQuery
{
    public SourceSort Sort { get; init; } = SourceSort.File;
    public bool Descending { get; init; }
}

/// <summary>An imported article as listed: metadata and how much was read from it.</summary>
public sealed record SourceSummaryDto(
    int Id,
    string File,
    string Title,
    string? Publisher,
    string? Author,
    string? Url,
    string? Published,
    string Sha256,
    DateTimeOffset ImportedAt,
    int Paragraphs,
    int Mentions);

/// <summary>What a quote in a paragraph supports: kind (company, model, investment, event), a label and a page link.</summary>
public sealed record ExtractedFactDto(string Kind, string Label, string Href, string Quote);

/// <summary>A numbered paragraph of an article's cleaned text and the facts extracted from it.</summary>
public sealed record ParagraphDto(int Number, string Text, IReadOnlyList<ExtractedFactDto> Facts);

/// <summary>An article with its cleaned text, paragraph by paragraph, and everything extracted from it.</summary>
public sealed record SourceDetail(SourceSummaryDto Source, IReadOnlyList<ParagraphDto> Paragraphs, IReadOnlyList<ExtractedFactDto> Unplaced);

/// <summary>A relation of a company to another, read from an event they share.</summary>
public sealed record CompanyRelation(string Kind, string Label, CompanyLink Company, int EventId, string EventTitle, DateDto EventDate);

/// <summary>
/// Which valuations to list: of any of <see cref="Companies"/> (slugs), dated in a range overlapping
/// [<see cref="From"/>, <see cref="To"/>] (undated ones only when no date is asked for), confirmed ones only if asked.
/// </summary>
public sealed record ValuationQuery : PagedQuery
{
    public IReadOnlyList<string> Companies { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool ConfirmedOnly { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var errors = base.Validate().ToList();
        if (From is { } from && To is { } to && from > to)
        {
            errors.Add($"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }
        return errors;
    }
}
