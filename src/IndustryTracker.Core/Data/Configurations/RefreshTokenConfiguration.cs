using IndustryTracker.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class RefreshTokenFamilyConfiguration : IEntityTypeConfiguration<RefreshTokenFamily>
{
    public void Configure(EntityTypeBuilder<RefreshTokenFamily> builder)
    {
        builder.ToTable("RefreshTokenFamilies");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.UserId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.SecurityStampHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(f => f.RevokedReason).HasMaxLength(20);
        // Deleting an account deletes its sign-ins.
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.UserId);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("RefreshTokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne(t => t.Family).WithMany(f => f.Tokens).HasForeignKey(t => t.FamilyId).OnDelete(DeleteBehavior.Cascade);
    }
}
