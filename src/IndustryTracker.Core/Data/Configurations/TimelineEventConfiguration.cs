using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    private const string LiveFilter = "\"DeletedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Title).HasMaxLength(Review.FactLimits.Title).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(Review.FactLimits.Summary);
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Origin).HasConversion<string>().HasMaxLength(20);
        builder.OwnsFuzzyDate(e => e.Date, "Date", required: true);
        // Live events in timeline order (unfiltered pages and counts, date windows from either end) and by category:
        // partial indexes matching the soft-delete query filter. Migration 0009_Scale; see docs/benchmarks.md.
        builder.OwnsOne(e => e.Date, date =>
        {
            date.HasIndex("Start", "End", "TimelineEventId").HasDatabaseName("IX_Events_Live_DateStart_DateEnd_Id").HasFilter(LiveFilter);
            date.HasIndex("End", "Start").HasDatabaseName("IX_Events_Live_DateEnd_DateStart").HasFilter(LiveFilter);
        });
        builder.HasIndex(e => e.Category).HasDatabaseName("IX_Events_Live_Category").HasFilter(LiveFilter);
        // The (few) deleted events: lists read from the link tables leave them out without looking up each live one.
        builder.HasIndex(e => e.Id).HasDatabaseName("IX_Events_Deleted").HasFilter("\"DeletedAt\" IS NOT NULL");
        builder.HasOne(e => e.Investment).WithMany().HasForeignKey(e => e.InvestmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Companies).WithMany().UsingEntity<EventCompany>(
            r => r.HasOne<Companies.Company>().WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne<TimelineEvent>().WithMany().HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Cascade));
        builder.HasMany(e => e.Models).WithMany().UsingEntity<EventModel>(
            r => r.HasOne<AiModels.AiModel>().WithMany().HasForeignKey(l => l.AiModelId).OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne<TimelineEvent>().WithMany().HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Cascade));
        builder.Property(e => e.IsPlanned).HasDefaultValue(false); // migration ImportFacts: existing rows are not planned
        builder.Property(e => e.SourceUrl).HasMaxLength(2000);
        builder.Property(e => e.DeletedBy).HasMaxLength(SystemActor.MaxActorLength);
        builder.Ignore(e => e.IsDeleted);
        // Soft delete: a deleted event disappears from every LINQ query (lists, pages, exports, facets, feed, search,
        // counts). Editors' restore and the importer reach deleted rows with IgnoreQueryFilters. See ADR 0006.
        builder.HasQueryFilter(e => e.DeletedAt == null);
        builder.HasAuditColumns();
        builder.HasReviewColumns();
    }
}
