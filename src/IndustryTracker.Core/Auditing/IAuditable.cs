namespace IndustryTracker.Core.Auditing;

/// <summary>Stamped by <see cref="AuditingInterceptor"/> on save; <see cref="Version"/> is the optimistic concurrency token.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
    int Version { get; set; }
}
