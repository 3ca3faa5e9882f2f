using System.Globalization;
using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.Contracts;

// The public JSON shapes of the export, the API and the CLI. Field names are a contract: scripts depend on them.

public sealed record DateDto(string Label, string Start, string End, string Precision)
{
    public static DateDto From(FuzzyDate date) => new(
        date.Label,
        date.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        date.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EnumNames.Of(date.Precision));

    public static DateDto? FromNullable(FuzzyDate? date) => date is null ? null : From(date);
}

public sealed record SourceDto(string Article, int Paragraph, string Quote);

public sealed record CompanyDto(
    string Name,
    string Slug,
    IReadOnlyList<string> Aliases,
    string Category,
    string? Country,
    string? Parent,
    string? Summary);

public sealed record ModelDto(
    string Name,
    string Slug,
    string? Developer,
    string Kind,
    string Status,
    string Accessibility,
    DateDto? Released);

public sealed record InvestmentDto(
    int Id,
    string Kind,
    IReadOnlyList<string> Investors,
    IReadOnlyList<string> LeadInvestors,
    string? Recipient,
    string? Round,
    string? Purpose,
    string? Period,
    decimal? Amount,
    string? Currency,
    string? AsReported,
    bool IsLowerBound,
    decimal? AmountUsd,
    bool UsdIsReported,
    decimal? FxRate,
    string? FxRateDate,
    string? FxRateSource,
    DateDto? Date,
    IReadOnlyList<SourceDto> Sources);

public sealed record EventDto(
    int Id,
    string Title,
    string? Summary,
    string Category,
    DateDto Date,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> Models,
    string Origin,
    IReadOnlyList<SourceDto> Sources,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? SourceUrl = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    bool IsPlanned = false);

/// <summary>
/// A company's valuation: <c>{ "company", "amount", "currency", "asReported", "amountUsd", "date", "sources" }</c>, then
/// the lower-bound flag, how the USD figure was obtained, and the review state of an imported valuation.
/// </summary>
public sealed record ValuationDto(
    string Company,
    decimal Amount,
    string Currency,
    string AsReported,
    decimal? AmountUsd,
    DateDto? Date,
    IReadOnlyList<SourceDto> Sources,
    int Id,
    string CompanySlug,
    bool IsLowerBound,
    bool UsdIsReported,
    decimal? FxRate,
    string? FxRateDate,
    string? FxRateSource,
    string? Confidence,
    string Review);

public sealed record ArticleDto(
    string File,
    string Title,
    string? Publisher,
    string? Author,
    string? Url,
    string Sha256,
    DateTimeOffset ImportedAt);

public sealed record ExportDocument(
    IReadOnlyList<CompanyDto> Companies,
    IReadOnlyList<ModelDto> Models,
    IReadOnlyList<InvestmentDto> Investments,
    IReadOnlyList<EventDto> Events,
    IReadOnlyList<ArticleDto> Articles,
    IReadOnlyList<ValuationDto> Valuations);

/// <summary>A page of a list answer: <c>{ "items": [...], "total", "page", "pageSize" }</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
