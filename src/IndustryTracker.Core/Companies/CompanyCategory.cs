namespace IndustryTracker.Core.Companies;

public enum CompanyCategory
{
    ModelDeveloper,
    BigTech,
    Chipmaker,
    CloudMaas,
    Infrastructure,
    HardwareMaker,
    Telecom,
    IndustrialAdopter,
    Investor,
    GovernmentPublicBody,
    Research,
    Other,
}
