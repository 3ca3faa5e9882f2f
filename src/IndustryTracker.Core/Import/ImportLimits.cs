using System.ComponentModel.DataAnnotations;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Bounds on imports from the web (upload page and <c>POST /api/sources</c>), read from the <c>Import</c> section:
/// a time budget per article and a cap on how many run at once, so no upload can keep the CPU busy for long.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    /// <summary>An import or preview still running after this long is abandoned and writes nothing (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many imports or previews may run at once; one more is refused (HTTP 429) until a slot frees (default 2).</summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = 2;
}

/// <summary>Thrown when <see cref="ImportLimits.MaxConcurrent"/> imports are already running.</summary>
public sealed class ImportCapacityExceededException(int maxConcurrent)
    : Exception($"{maxConcurrent} imports are already running; try again in a moment.")
{
    public int MaxConcurrent { get; } = maxConcurrent;
}
