using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Dates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal static class ConfigurationExtensions
{
    /// <summary>Maps a <see cref="FuzzyDate"/> as an owned value in four columns named after <paramref name="prefix"/>.</summary>
    public static void OwnsFuzzyDate<TEntity>(
        this EntityTypeBuilder<TEntity> builder,
        System.Linq.Expressions.Expression<Func<TEntity, FuzzyDate?>> navigation,
        string prefix,
        bool required)
        where TEntity : class
    {
        builder.OwnsOne<FuzzyDate>(navigation, date =>
        {
            date.Property(d => d.Label).HasColumnName($"{prefix}Label").HasMaxLength(100).IsRequired();
            date.Property(d => d.Start).HasColumnName($"{prefix}Start").IsRequired();
            date.Property(d => d.End).HasColumnName($"{prefix}End").IsRequired();
            date.Property(d => d.Precision).HasColumnName($"{prefix}Precision").HasConversion<string>().HasMaxLength(20).IsRequired();
            date.HasIndex(d => new { d.Start, d.End });
        });
        if (required)
        {
            builder.Navigation(navigation!).IsRequired();
        }
    }

    public static void HasAuditColumns<TEntity>(this EntityTypeBuilder<TEntity> builder)
        where TEntity : class, Auditing.IAuditable
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(SystemActor.MaxActorLength);
        builder.Property(e => e.UpdatedBy).HasMaxLength(SystemActor.MaxActorLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }

    /// <summary>The import provenance and review columns of a <see cref="Review.IReviewable"/> fact (migration 0007_Review).</summary>
    public static void HasReviewColumns<TEntity>(this EntityTypeBuilder<TEntity> builder)
        where TEntity : class, Review.IReviewable
    {
        builder.Property(e => e.ImportRule).HasMaxLength(Review.FactLimits.Rule);
        builder.Property(e => e.ImportKey).HasMaxLength(Review.FactLimits.FactKey);
        builder.Property(e => e.Confidence).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.ConfirmedBy).HasMaxLength(Review.FactLimits.Actor);
    }
}
