using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;

namespace IndustryTracker.Core.Timeline;

/// <summary>A dated thing that happened, with the companies and models involved.</summary>
public sealed class TimelineEvent : IAuditable
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
    public FuzzyDate Date { get; set; }
    public EventOrigin Origin { get; private set; }
    public int? InvestmentId { get; private set; }
    public Investment? Investment { get; set; }
    public IReadOnlyList<Company> Companies => _companies;
    public IReadOnlyList<AiModel> Models => _models;

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
