using System.Globalization;
using System.Linq.Expressions;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// SQL-translatable projections of entities into flat rows, and the in-memory step from rows to the public DTOs.
/// Rows carry only columns and nested collections, so each list is read in a fixed number of queries.
/// </summary>
internal static class Projections
{
    public static Expression<Func<TimelineEvent, EventRow>> Event(IndustryTrackerDbContext db) => e => new EventRow
    {
        Id = e.Id,
        Title = e.Title,
        Summary = e.Summary,
        Category = e.Category,
        Origin = e.Origin,
        DateLabel = e.Date.Label,
        DateStart = e.Date.Start,
        DateEnd = e.Date.End,
        DatePrecision = e.Date.Precision,
        SourceUrl = e.SourceUrl,
        IsPlanned = e.IsPlanned,
        Companies = e.Companies.OrderBy(c => c.Name).Select(c => c.Name).ToList(),
        Models = e.Models.OrderBy(m => m.Name).Select(m => m.Name).ToList(),
        Sources = db.Mentions
            .Where(m => m.TimelineEventId == e.Id)
            .OrderBy(m => m.Article.FileName).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Select(m => new SourceRow { Article = m.Article.FileName, ArticleTitle = m.Article.Title, Paragraph = m.Paragraph, Quote = m.Quote })
            .ToList(),
    };

    public static Expression<Func<AiModel, ModelRow>> Model(IndustryTrackerDbContext db) => m => new ModelRow
    {
        Name = m.Name,
        Slug = m.Slug,
        Developer = m.Developer == null ? null : m.Developer.Name,
        Kind = m.Kind,
        Status = m.Status,
        Accessibility = m.Accessibility,
        ReleaseLabel = m.ReleaseDate == null ? null : m.ReleaseDate.Label,
        ReleaseStart = m.ReleaseDate == null ? null : m.ReleaseDate.Start,
        ReleaseEnd = m.ReleaseDate == null ? null : m.ReleaseDate.End,
        ReleasePrecision = m.ReleaseDate == null ? null : m.ReleaseDate.Precision,
        Sources = db.Mentions
            .Where(x => x.AiModelId == m.Id)
            .OrderBy(x => x.Article.FileName).ThenBy(x => x.Paragraph).ThenBy(x => x.Id)
            .Select(x => new SourceRow { Article = x.Article.FileName, ArticleTitle = x.Article.Title, Paragraph = x.Paragraph, Quote = x.Quote })
            .ToList(),
    };

    public static Expression<Func<Investment, InvestmentRow>> Investment(IndustryTrackerDbContext db) => i => new InvestmentRow
    {
        Id = i.Id,
        Kind = i.Kind,
        Investors = i.Participants.OrderBy(p => p.Company.Name).Select(p => p.Company.Name).ToList(),
        LeadInvestors = i.Participants.Where(p => p.IsLead).OrderBy(p => p.Company.Name).Select(p => p.Company.Name).ToList(),
        Recipient = i.Recipient == null ? null : i.Recipient.Name,
        Round = i.RoundLabel,
        Purpose = i.Purpose,
        Period = i.Period,
        Amount = i.Money == null ? null : i.Money.Amount,
        Currency = i.Money == null ? null : i.Money.Currency,
        AsReported = i.Money == null ? null : i.Money.AsReported,
        IsLowerBound = i.Money != null && i.Money.IsLowerBound,
        AmountUsd = i.AmountUsd,
        UsdIsReported = i.UsdIsReported,
        FxRate = i.FxRate,
        FxRateDate = i.FxRateDate,
        FxRateSource = i.FxRateSource,
        DateLabel = i.Announced == null ? null : i.Announced.Label,
        DateStart = i.Announced == null ? null : i.Announced.Start,
        DateEnd = i.Announced == null ? null : i.Announced.End,
        DatePrecision = i.Announced == null ? null : i.Announced.Precision,
        Sources = db.Mentions
            .Where(x => x.InvestmentId == i.Id)
            .OrderBy(x => x.Article.FileName).ThenBy(x => x.Paragraph).ThenBy(x => x.Id)
            .Select(x => new SourceRow { Article = x.Article.FileName, ArticleTitle = x.Article.Title, Paragraph = x.Paragraph, Quote = x.Quote })
            .ToList(),
    };

    public static DateDto? Date(string? label, DateOnly? start, DateOnly? end, DatePrecision? precision) =>
        label is null || start is null || end is null || precision is null
            ? null
            : new DateDto(label, Iso(start.Value), Iso(end.Value), EnumNames.Of(precision.Value));

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed class SourceRow
{
    public required string Article { get; init; }
    public required string ArticleTitle { get; init; }
    public int Paragraph { get; init; }
    public required string Quote { get; init; }

    public SourceDto ToDto() => new(Article, Paragraph, Quote);

    public QuoteDto ToQuote() => new(Article, ArticleTitle, Paragraph, Quote);
}

internal sealed class EventRow
{
    public int Id { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public EventCategory Category { get; init; }
    public EventOrigin Origin { get; init; }
    public required string DateLabel { get; init; }
    public DateOnly DateStart { get; init; }
    public DateOnly DateEnd { get; init; }
    public DatePrecision DatePrecision { get; init; }
    public string? SourceUrl { get; init; }
    public bool IsPlanned { get; init; }
    public required List<string> Companies { get; init; }
    public required List<string> Models { get; init; }
    public required List<SourceRow> Sources { get; init; }

    private EventDto? _dto;

    /// <summary>The row as a DTO, made once: a row kept in the <see cref="QueryCache"/> answers many requests.</summary>
    public EventDto ToDto() => _dto ??= new(
        Id,
        Title,
        Summary,
        EnumNames.Of(Category),
        Projections.Date(DateLabel, DateStart, DateEnd, DatePrecision)!,
        Companies,
        Models,
        EnumNames.Of(Origin),
        [.. Sources.Select(s => s.ToDto())],
        SourceUrl,
        IsPlanned);
}

internal sealed class ModelRow
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Developer { get; init; }
    public AiModelKind Kind { get; init; }
    public AiModelStatus Status { get; init; }
    public Accessibility Accessibility { get; init; }
    public string? ReleaseLabel { get; init; }
    public DateOnly? ReleaseStart { get; init; }
    public DateOnly? ReleaseEnd { get; init; }
    public DatePrecision? ReleasePrecision { get; init; }
    public required List<SourceRow> Sources { get; init; }

    public ModelDto ToDto() => new(
        Name,
        Slug,
        Developer,
        EnumNames.Of(Kind),
        EnumNames.Of(Status),
        EnumNames.Of(Accessibility),
        Projections.Date(ReleaseLabel, ReleaseStart, ReleaseEnd, ReleasePrecision));
}

internal sealed class InvestmentRow
{
    public int Id { get; init; }
    public InvestmentKind Kind { get; init; }
    public required List<string> Investors { get; init; }
    public required List<string> LeadInvestors { get; init; }
    public string? Recipient { get; init; }
    public string? Round { get; init; }
    public string? Purpose { get; init; }
    public string? Period { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? AsReported { get; init; }
    public bool IsLowerBound { get; init; }
    public decimal? AmountUsd { get; init; }
    public bool UsdIsReported { get; init; }
    public decimal? FxRate { get; init; }
    public DateOnly? FxRateDate { get; init; }
    public string? FxRateSource { get; init; }
    public string? DateLabel { get; init; }
    public DateOnly? DateStart { get; init; }
    public DateOnly? DateEnd { get; init; }
    public DatePrecision? DatePrecision { get; init; }
    public required List<SourceRow> Sources { get; init; }

    public InvestmentDto ToDto() => new(
        Id,
        EnumNames.Of(Kind),
        Investors,
        LeadInvestors,
        Recipient,
        Round,
        Purpose,
        Period,
        Amount,
        Currency,
        AsReported,
        IsLowerBound,
        AmountUsd,
        UsdIsReported,
        FxRate,
        FxRateDate is { } day ? Projections.Iso(day) : null,
        FxRateSource,
        Projections.Date(DateLabel, DateStart, DateEnd, DatePrecision),
        [.. Sources.Select(s => s.ToDto())]);
}
