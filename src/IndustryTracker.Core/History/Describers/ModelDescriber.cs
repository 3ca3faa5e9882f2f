using IndustryTracker.Core.AiModels;

namespace IndustryTracker.Core.History.Describers;

internal sealed class ModelDescriber : RecordDescriber<AiModel>
{
    public override string EntityType => HistoryEntities.Model;

    protected override string Describe(AiModel record) => record.Name;
}
