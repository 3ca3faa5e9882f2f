using System.Globalization;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Contracts;

/// <summary>Entity → public shape, for entities already loaded with the navigations each method names.</summary>
public static class DtoMapping
{
    /// <summary>Needs <see cref="Company.Parent"/> and aliases loaded.</summary>
    public static CompanyDto ToDto(this Company company) => new(
        company.Name,
        company.Slug,
        [.. company.Aliases.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase)],
        EnumNames.Of(company.Category),
        company.Country,
        company.Parent?.Name,
        company.Summary);

    /// <summary>Needs <see cref="AiModel.Developer"/> loaded.</summary>
    public static ModelDto ToDto(this AiModel model) => new(
        model.Name,
        model.Slug,
        model.Developer?.Name,
        EnumNames.Of(model.Kind),
        EnumNames.Of(model.Status),
        EnumNames.Of(model.Accessibility),
        DateDto.FromNullable(model.ReleaseDate));

    /// <summary>Needs recipient and participants' companies loaded.</summary>
    public static InvestmentDto ToDto(this Investment investment, IReadOnlyList<SourceDto> sources) => new(
        investment.Id,
        EnumNames.Of(investment.Kind),
        [.. investment.Participants.Select(p => p.Company.Name).Order(StringComparer.OrdinalIgnoreCase)],
        [.. investment.Participants.Where(p => p.IsLead).Select(p => p.Company.Name).Order(StringComparer.OrdinalIgnoreCase)],
        investment.Recipient?.Name,
        investment.RoundLabel,
        investment.Purpose,
        investment.Period,
        investment.Money?.Amount,
        investment.Money?.Currency,
        investment.Money?.AsReported,
        investment.Money?.IsLowerBound ?? false,
        investment.AmountUsd,
        investment.UsdIsReported,
        investment.FxRate,
        investment.FxRateDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        investment.FxRateSource,
        DateDto.FromNullable(investment.Announced),
        sources);

    /// <summary>Needs companies and models loaded.</summary>
    public static EventDto ToDto(this TimelineEvent timelineEvent, IReadOnlyList<SourceDto> sources) => new(
        timelineEvent.Id,
        timelineEvent.Title,
        timelineEvent.Summary,
        EnumNames.Of(timelineEvent.Category),
        DateDto.From(timelineEvent.Date),
        [.. timelineEvent.Companies.Select(c => c.Name).Order(StringComparer.OrdinalIgnoreCase)],
        [.. timelineEvent.Models.Select(m => m.Name).Order(StringComparer.OrdinalIgnoreCase)],
        EnumNames.Of(timelineEvent.Origin),
        sources,
        timelineEvent.SourceUrl,
        timelineEvent.IsPlanned);

    /// <summary>Needs <see cref="Valuations.Valuation.Company"/> loaded.</summary>
    public static ValuationDto ToDto(this Valuations.Valuation valuation, IReadOnlyList<SourceDto> sources) => new(
        valuation.Company.Name,
        valuation.Money.Amount,
        valuation.Money.Currency,
        valuation.Money.AsReported,
        valuation.AmountUsd,
        DateDto.FromNullable(valuation.Date),
        sources,
        valuation.Id,
        valuation.Company.Slug,
        valuation.Money.IsLowerBound,
        valuation.UsdIsReported,
        valuation.FxRate,
        valuation.FxRateDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        valuation.FxRateSource,
        valuation.Confidence is { } confidence ? EnumNames.Of(confidence) : null,
        EnumNames.Of(Review.Reviewable.ReviewState(valuation)));

    public static ArticleDto ToDto(this Article article) => new(
        article.FileName,
        article.Title,
        article.Publisher,
        article.Author,
        article.Url,
        article.Sha256,
        article.ImportedAt);
}
