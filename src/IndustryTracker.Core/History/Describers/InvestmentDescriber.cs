using IndustryTracker.Core.Investments;

namespace IndustryTracker.Core.History.Describers;

internal sealed class InvestmentDescriber : RecordDescriber<Investment>
{
    public override string EntityType => HistoryEntities.Investment;

    protected override string Describe(Investment record) => HistoryValues.InvestmentLabel(record);
}
