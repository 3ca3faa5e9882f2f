using System.ComponentModel.DataAnnotations;

namespace IndustryTracker.Web.Startup;

/// <summary>Bound from the "Seed" section: where the articles imported into an empty database come from.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>A folder of *.txt/*.md articles, relative to the content root unless absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "seeds";
}
