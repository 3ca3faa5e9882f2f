namespace IndustryTracker.Core.Contracts;

/// <summary>
/// One event as an editor sees it (<c>GET /api/events/{id}</c>, and the answer to a create or update): every field of
/// a <c>GET /api/events</c> item, plus the concurrency <c>version</c> (also the ETag), the company and model slugs the
/// API accepts back, and who changed it last.
/// </summary>
public sealed record EventDetailDto(
    int Id,
    string Title,
    string? Summary,
    string Category,
    DateDto Date,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> Models,
    string Origin,
    IReadOnlyList<SourceDto> Sources,
    string? SourceUrl,
    int Version,
    IReadOnlyList<string> CompanySlugs,
    IReadOnlyList<string> ModelSlugs,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    string? DeletedBy);

/// <summary>A company or model an editor can pick: its slug and name.</summary>
public sealed record PickerOption(string Slug, string Name);

/// <summary>An imported article an editor can quote as a source.</summary>
public sealed record ArticleOption(int Id, string File, string Title, int Paragraphs);
