using IndustryTracker.Core.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

internal sealed class CacheStampConfiguration : IEntityTypeConfiguration<CacheStamp>
{
    public void Configure(EntityTypeBuilder<CacheStamp> builder)
    {
        builder.ToTable("CacheStamps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new CacheStamp { Id = CacheStamp.SharedId, Value = 0 });
    }
}
