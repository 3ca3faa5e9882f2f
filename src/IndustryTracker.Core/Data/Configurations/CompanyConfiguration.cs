using IndustryTracker.Core.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.NameKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => c.NameKey);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Country).HasMaxLength(100);
        builder.Property(c => c.HeadquartersCity).HasMaxLength(100);
        builder.Property(c => c.Summary).HasMaxLength(Review.FactLimits.Summary);
        builder.OwnsFuzzyDate(c => c.Founded, "Founded", required: false);
        builder.HasOne(c => c.Parent).WithMany(c => c.Subsidiaries).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Aliases).WithOne().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Aliases).AutoInclude();
        builder.HasAuditColumns();
    }
}

internal sealed class CompanyAliasConfiguration : IEntityTypeConfiguration<CompanyAlias>
{
    public void Configure(EntityTypeBuilder<CompanyAlias> builder)
    {
        builder.ToTable("CompanyAliases");
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.NameKey).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => a.NameKey);
        builder.HasIndex(a => new { a.CompanyId, a.NameKey }).IsUnique();
    }
}
