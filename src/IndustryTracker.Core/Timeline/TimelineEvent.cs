using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;

namespace IndustryTracker.Core.Timeline;

/// <summary>A dated thing that happened, with the companies and models involved.</summary>
public sealed class TimelineEvent : IAuditable, Review.IReviewable
{
    private readonly List<Company> _companies = [];
    private readonly List<AiModel> _models = [];

    private TimelineEvent()
    {
        Title = string.Empty;
        Date = null!;
    }

    public TimelineEvent(string title, FuzzyDate date, EventCategory category, EventOrigin origin)
    {
        Title = string.Empty;
        Retitle(title);
        Date = date ?? throw new ArgumentNullException(nameof(date));
        Category = category;
        Origin = origin;
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public string? Summary { get; set; }
    public EventCategory Category { get; set; }
    /// <summary>The event's own copy of the date: EF Core tracks an owned value per owner, so one instance is never shared.</summary>
    public FuzzyDate Date { get; set => field = value is null ? null! : value with { }; }
    public EventOrigin Origin { get; private set; }
    public int? InvestmentId { get; private set; }
    public Investment? Investment { get; set; }
    public IReadOnlyList<Company> Companies => _companies;
    public IReadOnlyList<AiModel> Models => _models;

    /// <summary>
    /// A happening the source states as still to come ("plans to", "is expected to", "will"): shown as planned, and
    /// the only kind of event that may lie after the article stating it.
    /// </summary>
    public bool IsPlanned { get; set; }

    /// <summary>A web page an editor gave as the source (imported events link to article quotes through mentions).</summary>
    public string? SourceUrl { get; set; }

    /// <summary>The extraction rule, fact key and confidence of an imported fact, and who confirmed it (see <see cref="Review.IReviewable"/>).</summary>
    public string? ImportRule { get; set; }
    public string? ImportKey { get; set; }
    public Import.FactConfidence? Confidence { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }

    /// <summary>When an editor deleted the event (soft delete); deleted events are hidden by a global query filter.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }
    public string? DeletedBy { get; private set; }
    public bool IsDeleted => DeletedAt is not null;

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }

    public void Retitle(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title.Trim();
    }

    /// <summary>Hides the event from every list, page, export, feed and search until <see cref="Restore"/>.</summary>
    public void SoftDelete(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        DeletedAt = at;
        DeletedBy = by.Trim();
    }

    public void Restore()
    {
        DeletedAt = null;
        DeletedBy = null;
    }

    /// <summary>Makes <paramref name="companies"/> exactly the companies involved.</summary>
    public void InvolveOnly(IReadOnlyCollection<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        _companies.RemoveAll(c => !companies.Any(n => n.Id == c.Id));
        foreach (var company in companies)
        {
            Involve(company);
        }
    }

    /// <summary>Makes <paramref name="models"/> exactly the models involved.</summary>
    public void InvolveOnly(IReadOnlyCollection<AiModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models.RemoveAll(m => !models.Any(n => n.Id == m.Id));
        foreach (var model in models)
        {
            Involve(model);
        }
    }

    public void Involve(Company company)
    {
        if (!_companies.Any(c => ReferenceEquals(c, company) || (company.Id != 0 && c.Id == company.Id)))
        {
            _companies.Add(company);
        }
    }

    public void Involve(AiModel model)
    {
        if (!_models.Any(m => ReferenceEquals(m, model) || (model.Id != 0 && m.Id == model.Id)))
        {
            _models.Add(model);
        }
    }
}
