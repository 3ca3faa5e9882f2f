using IndustryTracker.Core.Companies;

namespace IndustryTracker.Core.History.Describers;

internal sealed class CompanyDescriber : RecordDescriber<Company>
{
    public override string EntityType => HistoryEntities.Company;

    protected override string Describe(Company record) => record.Name;
}
