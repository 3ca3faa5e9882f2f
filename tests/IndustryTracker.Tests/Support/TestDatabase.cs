using IndustryTracker.Core;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndustryTracker.Tests.Support;

/// <summary>A real SQLite database file in a fresh temporary folder, migrated, deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder)
    {
        Folder = folder;
        Path = System.IO.Path.Combine(folder, "test.db");
        Options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path};Pooling=False" };
        Factory = new ContextFactory(Options, Time);
    }

    public string Folder { get; }
    public string Path { get; }
    public DatabaseOptions Options { get; }
    public FixedTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    public IDbContextFactory<IndustryTrackerDbContext> Factory { get; }

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "industrytracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TestDatabase(folder);
        if (migrate)
        {
            await database.Migrator().MigrateAsync(TestContext.Current.CancellationToken);
        }
        return database;
    }

    public DatabaseMigrator Migrator() => new(Factory, Options, Time, NullLogger<DatabaseMigrator>.Instance);

    public IndustryTrackerDbContext CreateContext() => Factory.CreateDbContext();

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms: the temp folder is cleaned by the OS.
        }
        return ValueTask.CompletedTask;
    }

    private sealed class ContextFactory(DatabaseOptions options, TimeProvider time) : IDbContextFactory<IndustryTrackerDbContext>
    {
        public IndustryTrackerDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
            DependencyInjection.ConfigureProvider(builder, options)
                .AddInterceptors(new AuditingInterceptor(time, SystemActor.Import));
            return new IndustryTrackerDbContext(builder.Options);
        }
    }
}
