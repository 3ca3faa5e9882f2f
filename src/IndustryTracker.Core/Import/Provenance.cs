namespace IndustryTracker.Core.Import;

/// <summary>How sure the importer is of a fact: high for a structured list item or an explicit pattern, lower for
/// an inferred subject, a resolved relative date or a name nobody listed.</summary>
public enum FactConfidence
{
    High,
    Medium,
    Low,
}

/// <summary>
/// The rule that produced a fact (a short stable id such as "investment.led-by", "date.relative-month",
/// "company.apposition") and the confidence it carries.
/// </summary>
public sealed record Provenance(string Rule, FactConfidence Confidence)
{
    /// <summary>A fact read from a structured source (a profile list, a timeline entry, a listed name).</summary>
    public static Provenance Structured(string rule) => new(rule, FactConfidence.High);

    /// <summary>The provenance of a fact whose extractor did not state one.</summary>
    public static readonly Provenance Unspecified = new("unspecified", FactConfidence.High);

    /// <summary>The lower of this confidence and <paramref name="other"/>, keeping this rule.</summary>
    public Provenance AtMost(FactConfidence other) => other > Confidence ? this with { Confidence = other } : this;
}
