namespace IndustryTracker.Core.AiModels;

public enum AiModelKind
{
    Llm,
    Reasoning,
    Multimodal,
    Image,
    Video,
    Agent,
    Other,
}

public enum AiModelStatus
{
    Announced,
    Anticipated,
    Released,
}

public enum Accessibility
{
    OpenWeights,
    Api,
    Hosted,
    Unreleased,
    Unknown,
}
