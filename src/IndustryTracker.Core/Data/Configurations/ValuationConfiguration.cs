using IndustryTracker.Core.Review;
using IndustryTracker.Core.Valuations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class ValuationConfiguration : IEntityTypeConfiguration<Valuation>
{
    public void Configure(EntityTypeBuilder<Valuation> builder)
    {
        builder.HasOne(v => v.Company).WithMany().HasForeignKey(v => v.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(v => v.Money, money =>
        {
            money.Property(m => m.Amount).HasColumnName("Amount").HasPrecision(20, 2).IsRequired();
            money.Property(m => m.Currency).HasColumnName("Currency").HasMaxLength(3).IsRequired();
            money.Property(m => m.AsReported).HasColumnName("AmountAsReported").HasMaxLength(FactLimits.AsReported).IsRequired();
            money.Property(m => m.IsLowerBound).HasColumnName("AmountIsLowerBound").IsRequired();
        });
        builder.Navigation(v => v.Money).IsRequired();
        builder.Property(v => v.AmountUsd).HasPrecision(20, 2);
        builder.Property(v => v.FxRate).HasPrecision(18, 8);
        builder.Property(v => v.FxRateSource).HasMaxLength(200);
        builder.OwnsFuzzyDate(v => v.Date, "Date", required: false);
        builder.HasAuditColumns();
        builder.HasReviewColumns();
    }
}

internal sealed class RejectedFactConfiguration : IEntityTypeConfiguration<RejectedFact>
{
    public void Configure(EntityTypeBuilder<RejectedFact> builder)
    {
        builder.Property(r => r.ArticleSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(r => r.Rule).HasMaxLength(FactLimits.Rule).IsRequired();
        builder.Property(r => r.FactKey).HasMaxLength(FactLimits.FactKey).IsRequired();
        builder.Property(r => r.Kind).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Quote).HasMaxLength(FactLimits.Quote).IsRequired();
        builder.Property(r => r.RejectedBy).HasMaxLength(FactLimits.Actor).IsRequired();
        builder.HasIndex(r => new { r.ArticleSha256, r.Rule, r.FactKey }).IsUnique();
    }
}
