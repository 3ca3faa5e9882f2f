using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.AiModels;

/// <summary>An AI model (DeepSeek-R1, Qwen2.5-Max, Ernie 4.5) and who develops it.</summary>
public sealed class AiModel : IAuditable
{
    private AiModel()
    {
        Name = string.Empty;
        Slug = string.Empty;
    }

    public AiModel(string name, Company? developer, AiModelKind kind = AiModelKind.Llm)
    {
        Name = string.Empty;
        Slug = string.Empty;
        Rename(name);
        Developer = developer;
        Kind = kind;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public int? DeveloperId { get; private set; }
    public Company? Developer { get; set; }
    public AiModelKind Kind { get; set; }
    public AiModelStatus Status { get; set; } = AiModelStatus.Released;
    public Accessibility Accessibility { get; set; } = Accessibility.Unknown;
    /// <summary>The model's own copy of the date (an owned value is never shared between owners).</summary>
    public FuzzyDate? ReleaseDate { get; set => field = value is null ? null : value with { }; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Slug = Slugs.From(Name);
        if (Slug.Length == 0)
        {
            throw new ArgumentException($"'{name}' has no letters or digits to make a model name from.", nameof(name));
        }
    }
}
