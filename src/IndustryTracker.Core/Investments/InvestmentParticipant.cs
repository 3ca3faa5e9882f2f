using IndustryTracker.Core.Companies;

namespace IndustryTracker.Core.Investments;

/// <summary>An investor in an investment; <see cref="IsLead"/> marks "led by".</summary>
public sealed class InvestmentParticipant
{
    private InvestmentParticipant()
    {
        Company = null!;
    }

    public InvestmentParticipant(Company company, bool isLead)
    {
        Company = company;
        IsLead = isLead;
    }

    public int InvestmentId { get; private set; }
    public int CompanyId { get; private set; }
    public Company Company { get; private set; }
    public bool IsLead { get; set; }
}
