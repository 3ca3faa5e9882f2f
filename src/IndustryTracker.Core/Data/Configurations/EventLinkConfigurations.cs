using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryTracker.Core.Data.Configurations;

/// <summary>The join entity behind <see cref="TimelineEvent.Companies"/> (relationships in <see cref="TimelineEventConfiguration"/>).</summary>
internal sealed class EventCompanyConfiguration : IEntityTypeConfiguration<EventCompany>
{
    public void Configure(EntityTypeBuilder<EventCompany> builder)
    {
        builder.ToTable("EventCompanies");
        builder.HasKey(l => new { l.EventId, l.CompanyId });
        // Covering: a company's events in timeline order, and those in a date window, without reading the table.
        builder.HasIndex(l => new { l.CompanyId, l.EventStart, l.EventEnd, l.EventId });
    }
}

/// <summary>The join entity behind <see cref="TimelineEvent.Models"/> (relationships in <see cref="TimelineEventConfiguration"/>).</summary>
internal sealed class EventModelConfiguration : IEntityTypeConfiguration<EventModel>
{
    public void Configure(EntityTypeBuilder<EventModel> builder)
    {
        builder.ToTable("EventModels");
        builder.HasKey(l => new { l.EventId, l.AiModelId });
        // Covering: a model's events in timeline order, and those in a date window, without reading the table.
        builder.HasIndex(l => new { l.AiModelId, l.EventStart, l.EventEnd, l.EventId });
    }
}
