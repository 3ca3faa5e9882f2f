using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;

namespace IndustryTracker.Core.Investments;

/// <summary>
/// Money committed: a funding round, a capital-expenditure plan, an acquisition. Amounts are kept as reported;
/// the USD figure is either reported by a source (<see cref="UsdIsReported"/>) or converted with a dated FX rate.
/// </summary>
public sealed class Investment : IAuditable, Review.IReviewable
{
    private readonly List<InvestmentParticipant> _participants = [];

    private Investment()
    {
    }

    public Investment(InvestmentKind kind, Company? recipient)
    {
        Kind = kind;
        Recipient = recipient;
    }

    public int Id { get; private set; }
    public InvestmentKind Kind { get; set; }
    public int? RecipientId { get; private set; }
    public Company? Recipient { get; set; }
    public IReadOnlyList<InvestmentParticipant> Participants => _participants;

    /// <summary>Round as announced: "pre-Series A".</summary>
    public string? RoundLabel { get; set; }
    public string? Purpose { get; set; }

    /// <summary>Period the money covers, as written: "over three years".</summary>
    public string? Period { get; set; }
    public Money? Money { get; set; }
    public decimal? AmountUsd { get; private set; }
    public bool UsdIsReported { get; private set; }
    public decimal? FxRate { get; private set; }
    public DateOnly? FxRateDate { get; private set; }
    public string? FxRateSource { get; private set; }
    /// <summary>The investment's own copy of the date (an owned value is never shared between owners).</summary>
    public FuzzyDate? Announced { get; set => field = value is null ? null : value with { }; }

    /// <summary>For an IPO or listing: planned, filed or completed; null for other kinds.</summary>
    public Import.ListingStatus? Listing { get; set; }

    /// <summary>The extraction rule, fact key and confidence of an imported fact, and who confirmed it (see <see cref="Review.IReviewable"/>).</summary>
    public string? ImportRule { get; set; }
    public string? ImportKey { get; set; }
    public Import.FactConfidence? Confidence { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }

    public void AddParticipant(Company investor, bool isLead)
    {
        var existing = _participants.FirstOrDefault(p => ReferenceEquals(p.Company, investor) || (investor.Id != 0 && p.CompanyId == investor.Id));
        if (existing is not null)
        {
            existing.IsLead |= isLead;
            return;
        }
        _participants.Add(new InvestmentParticipant(investor, isLead));
    }

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
        if (Money is null)
        {
            throw new InvalidOperationException("There is no reported amount to convert.");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(usdPerUnit);
        ArgumentException.ThrowIfNullOrWhiteSpace(rateSource);
        AmountUsd = decimal.Round(Money.Amount * usdPerUnit, 2);
        UsdIsReported = false;
        FxRate = usdPerUnit;
        FxRateDate = rateDate;
        FxRateSource = rateSource;
    }
}
