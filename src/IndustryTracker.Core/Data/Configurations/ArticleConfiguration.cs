using IndustryTracker.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(Review.FactLimits.FileName).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(Review.FactLimits.Title).IsRequired();
        builder.Property(a => a.Publisher).HasMaxLength(Review.FactLimits.Publisher);
        builder.Property(a => a.Author).HasMaxLength(Review.FactLimits.Author);
        builder.Property(a => a.Url).HasMaxLength(Review.FactLimits.Url);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(a => a.Sha256).IsUnique();
        builder.HasIndex(a => a.FileName);
        builder.Property(a => a.CleanText).IsRequired();
        builder.HasMany(a => a.Paragraphs).WithOne().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleParagraphConfiguration : IEntityTypeConfiguration<ArticleParagraph>
{
    public void Configure(EntityTypeBuilder<ArticleParagraph> builder)
    {
        builder.ToTable("ArticleParagraphs");
        builder.HasKey(p => new { p.ArticleId, p.Number });
        builder.Property(p => p.Text).IsRequired();
    }
}

internal sealed class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> builder)
    {
        builder.Property(m => m.Quote).HasMaxLength(Review.FactLimits.Quote).IsRequired();
        builder.HasOne(m => m.Article).WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Company).WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.AiModel).WithMany().HasForeignKey(m => m.AiModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Investment).WithMany().HasForeignKey(m => m.InvestmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.TimelineEvent).WithMany().HasForeignKey(m => m.TimelineEventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Valuation).WithMany().HasForeignKey(m => m.ValuationId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Mentions_ExactlyOneSubject",
            "(CASE WHEN \"CompanyId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AiModelId\" IS NULL THEN 0 ELSE 1 END) + " +
            "(CASE WHEN \"InvestmentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"TimelineEventId\" IS NULL THEN 0 ELSE 1 END) + " +
            "(CASE WHEN \"ValuationId\" IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}
