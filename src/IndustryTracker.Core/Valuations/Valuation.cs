using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Review;

namespace IndustryTracker.Core.Valuations;

/// <summary>
/// What a company was said to be worth on a date: the amount as reported ("$4.3 billion", a lower bound for "more
/// than"), and the USD figure, either reported or converted with a dated FX rate like <see cref="Investment"/>.
/// Quotes are mentions (<see cref="Sources.Mention.Of(Valuation, Sources.Article, int, string)"/>).
/// </summary>
public sealed class Valuation : IAuditable, IReviewable
{
    private Valuation()
    {
        Company = null!;
        Money = null!;
    }

    public Valuation(Company company, Money money, FuzzyDate? date)
    {
        Company = company ?? throw new ArgumentNullException(nameof(company));
        Money = money ?? throw new ArgumentNullException(nameof(money));
        Date = date;
    }

    public int Id { get; private set; }
    public int CompanyId { get; private set; }
    public Company Company { get; private set; }
    public Money Money { get; private set; }
    public decimal? AmountUsd { get; private set; }
    public bool UsdIsReported { get; private set; }
    public decimal? FxRate { get; private set; }
    public DateOnly? FxRateDate { get; private set; }
    public string? FxRateSource { get; private set; }

    /// <summary>When the company was valued at this amount (the date the article gives, else its publication date).</summary>
    public FuzzyDate? Date { get; set; }

    public string? ImportRule { get; set; }
    public string? ImportKey { get; set; }
    public FactConfidence? Confidence { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }

    /// <summary>Records a USD figure that a source states outright.</summary>
    public void SetReportedUsd(decimal amountUsd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountUsd);
        AmountUsd = amountUsd;
        UsdIsReported = true;
        FxRate = null;
        FxRateDate = null;
        FxRateSource = null;
    }

    /// <summary>Converts the reported amount to USD with a dated rate (units of USD per unit of the reported currency).</summary>
    public void ConvertToUsd(decimal usdPerUnit, DateOnly rateDate, string rateSource)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(usdPerUnit);
        ArgumentException.ThrowIfNullOrWhiteSpace(rateSource);
        AmountUsd = decimal.Round(Money.Amount * usdPerUnit, 2);
        UsdIsReported = false;
        FxRate = usdPerUnit;
        FxRateDate = rateDate;
        FxRateSource = rateSource;
    }
}
