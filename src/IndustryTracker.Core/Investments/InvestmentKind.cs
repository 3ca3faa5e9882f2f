namespace IndustryTracker.Core.Investments;

public enum InvestmentKind
{
    FundingRound,
    CapitalExpenditurePlan,
    Acquisition,
    GovernmentFund,
    Ipo,
    Other,
}
