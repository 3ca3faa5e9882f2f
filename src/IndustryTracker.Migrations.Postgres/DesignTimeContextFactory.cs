using IndustryTracker.Core;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IndustryTracker.Migrations.Postgres;

/// <summary>What `dotnet ef` uses to build the model for this project's migrations; it never opens the database.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<IndustryTrackerDbContext>
{
    public IndustryTrackerDbContext CreateDbContext(string[] args)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design_time" };
        var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
        DependencyInjection.ConfigureProvider(builder, options);
        return new IndustryTrackerDbContext(builder.Options);
    }
}
