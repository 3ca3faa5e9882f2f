using IndustryTracker.Core.AiModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class AiModelConfiguration : IEntityTypeConfiguration<AiModel>
{
    public void Configure(EntityTypeBuilder<AiModel> builder)
    {
        builder.ToTable("AiModels");
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Slug).HasMaxLength(200).IsRequired();
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Accessibility).HasConversion<string>().HasMaxLength(20);
        builder.OwnsFuzzyDate(m => m.ReleaseDate, "Release", required: false);
        builder.HasOne(m => m.Developer).WithMany().HasForeignKey(m => m.DeveloperId).OnDelete(DeleteBehavior.SetNull);
        builder.HasAuditColumns();
    }
}
