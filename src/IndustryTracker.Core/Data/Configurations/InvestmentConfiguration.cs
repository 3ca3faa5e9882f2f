using IndustryTracker.Core.Investments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class InvestmentConfiguration : IEntityTypeConfiguration<Investment>
{
    public void Configure(EntityTypeBuilder<Investment> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.RoundLabel).HasMaxLength(Review.FactLimits.RoundLabel);
        builder.Property(i => i.Purpose).HasMaxLength(Review.FactLimits.Purpose);
        builder.Property(i => i.Period).HasMaxLength(Review.FactLimits.Period);
        builder.Property(i => i.AmountUsd).HasPrecision(20, 2);
        builder.Property(i => i.FxRate).HasPrecision(18, 8);
        builder.Property(i => i.FxRateSource).HasMaxLength(200);
        builder.OwnsOne(i => i.Money, money =>
        {
            money.Property(m => m.Amount).HasColumnName("Amount").HasPrecision(20, 2).IsRequired();
            money.Property(m => m.Currency).HasColumnName("Currency").HasMaxLength(3).IsRequired();
            money.Property(m => m.AsReported).HasColumnName("AmountAsReported").HasMaxLength(Review.FactLimits.AsReported).IsRequired();
            money.Property(m => m.IsLowerBound).HasColumnName("AmountIsLowerBound").IsRequired();
        });
        builder.Property(i => i.Listing).HasColumnName("ListingStatus").HasConversion<string>().HasMaxLength(20);
        builder.OwnsFuzzyDate(i => i.Announced, "Announced", required: false);
        builder.HasOne(i => i.Recipient).WithMany().HasForeignKey(i => i.RecipientId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Participants).WithOne().HasForeignKey(p => p.InvestmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasAuditColumns();
        builder.HasReviewColumns();
    }
}

internal sealed class InvestmentParticipantConfiguration : IEntityTypeConfiguration<InvestmentParticipant>
{
    public void Configure(EntityTypeBuilder<InvestmentParticipant> builder)
    {
        builder.ToTable("InvestmentParticipants");
        builder.HasKey(p => new { p.InvestmentId, p.CompanyId });
        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
