namespace IndustryTracker.Core.Review;

/// <summary>Whether an editor has vouched for an imported fact.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReviewState>))]
public enum ReviewState
{
    /// <summary>As the importer wrote it; nobody has looked at it.</summary>
    Unreviewed,

    /// <summary>An editor confirmed it (or wrote it).</summary>
    Confirmed,
}
