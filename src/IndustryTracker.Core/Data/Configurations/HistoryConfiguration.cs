using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("HistoryEntries");
        builder.Property(h => h.EntityType).HasMaxLength(20).IsRequired();
        builder.Property(h => h.EntityLabel).HasMaxLength(500).IsRequired();
        builder.Property(h => h.Field).HasMaxLength(100).IsRequired();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Actor).HasMaxLength(SystemActor.MaxActorLength).IsRequired();
        builder.HasIndex(h => new { h.EntityType, h.EntityId });
        builder.HasIndex(h => h.ChangeSetId);
    }
}

internal sealed class CompanyMergeConfiguration : IEntityTypeConfiguration<CompanyMerge>
{
    public void Configure(EntityTypeBuilder<CompanyMerge> builder)
    {
        builder.ToTable("CompanyMerges");
        builder.Property(m => m.SurvivorName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.DuplicateName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.DuplicateSlug).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Snapshot).IsRequired();
        builder.Property(m => m.MergedBy).HasMaxLength(SystemActor.MaxActorLength).IsRequired();
        builder.Property(m => m.UndoneBy).HasMaxLength(SystemActor.MaxActorLength);
        builder.Ignore(m => m.IsUndone);
    }
}
