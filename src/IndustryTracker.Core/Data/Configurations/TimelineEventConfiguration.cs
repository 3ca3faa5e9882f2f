using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Title).HasMaxLength(500).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(8000);
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Origin).HasConversion<string>().HasMaxLength(20);
        builder.OwnsFuzzyDate(e => e.Date, "Date", required: true);
        builder.HasOne(e => e.Investment).WithMany().HasForeignKey(e => e.InvestmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Companies).WithMany().UsingEntity(
            "EventCompanies",
            r => r.HasOne(typeof(Companies.Company)).WithMany().HasForeignKey("CompanyId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(TimelineEvent)).WithMany().HasForeignKey("EventId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("EventId", "CompanyId"));
        builder.HasMany(e => e.Models).WithMany().UsingEntity(
            "EventModels",
            r => r.HasOne(typeof(AiModels.AiModel)).WithMany().HasForeignKey("AiModelId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(TimelineEvent)).WithMany().HasForeignKey("EventId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("EventId", "AiModelId"));
        builder.Property(e => e.SourceUrl).HasMaxLength(2000);
        builder.Property(e => e.DeletedBy).HasMaxLength(256);
        builder.Ignore(e => e.IsDeleted);
        // Soft delete: a deleted event disappears from every LINQ query (lists, pages, exports, facets, feed, search,
        // counts). Editors' restore and the importer reach deleted rows with IgnoreQueryFilters. See ADR 0006.
        builder.HasQueryFilter(e => e.DeletedAt == null);
        builder.HasAuditColumns();
        builder.HasReviewColumns();
    }
}
