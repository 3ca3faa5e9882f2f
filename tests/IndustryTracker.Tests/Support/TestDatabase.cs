using IndustryTracker.Core;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IndustryTracker.Tests.Support;

/// <summary>
/// A real, empty database per test: a SQLite file in a fresh temporary folder by default, or — when the
/// environment variable <see cref="PostgresVariable"/> holds an admin connection string — a new PostgreSQL database,
/// so the same tests run on both providers. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "INDUSTRYTRACKER_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string folder, string? postgresAdmin)
    {
        Folder = folder;
        _postgresAdmin = postgresAdmin;
        if (postgresAdmin is null)
        {
            Options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={System.IO.Path.Combine(folder, "test.db")};Pooling=False" };
        }
        else
        {
            _postgresName = "it_" + Guid.NewGuid().ToString("N");
            var builder = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = _postgresName, Pooling = false };
            Options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = builder.ConnectionString };
        }
        Factory = new ContextFactory(Options, Time);
    }

    public static DatabaseProvider Provider =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    /// <summary>A scratch folder for the test's files, deleted with the database.</summary>
    public string Folder { get; }
    public DatabaseOptions Options { get; }
    public FixedTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    public IDbContextFactory<IndustryTrackerDbContext> Factory { get; }

    /// <param name="migrate">
    /// True (the default): the schema of the current migrations, as a copy of a database this test process migrated
    /// once (a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL) instead of migrating each test's
    /// own. False: an empty database, for the tests of migrating itself.
    /// </param>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var folder = NewFolder();
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        var database = new TestDatabase(folder, string.IsNullOrWhiteSpace(admin) ? null : admin);
        var template = migrate ? await MigratedTemplateAsync() : null;
        if (database._postgresName is not null)
        {
            await database.AdminAsync(template is null
                ? $"CREATE DATABASE \"{database._postgresName}\""
                : $"CREATE DATABASE \"{database._postgresName}\" TEMPLATE \"{template._postgresName}\"");
        }
        else if (template is not null)
        {
            File.Copy(SqliteFile(template), SqliteFile(database));
            if (File.Exists(SqliteFile(template) + "-wal"))
            {
                File.Copy(SqliteFile(template) + "-wal", SqliteFile(database) + "-wal");
            }
        }
        return database;
    }

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static TestDatabase? _template;

    /// <summary>The database every migrated test database is copied from: made and migrated once per test process, dropped when it exits.</summary>
    private static async Task<TestDatabase> MigratedTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var admin = Environment.GetEnvironmentVariable(PostgresVariable);
                var template = new TestDatabase(NewFolder(), string.IsNullOrWhiteSpace(admin) ? null : admin);
                if (template._postgresName is not null)
                {
                    await template.AdminAsync($"CREATE DATABASE \"{template._postgresName}\"");
                }
                await template.Upgrader().MigrateAsync(CancellationToken.None);
                // No connection may stay open on a template (PostgreSQL refuses to copy it) or hold the SQLite file.
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
                _template = template;
            }
            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static string NewFolder()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "industrytracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string SqliteFile(TestDatabase database) => System.IO.Path.Combine(database.Folder, "test.db");

    public DatabaseUpgrader Upgrader() => new(Factory, Options, NullLogger<DatabaseUpgrader>.Instance);

    public IndustryTrackerDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>
    /// A context factory on this database whose contexts also report to <paramref name="interceptors"/> (command
    /// recorders, connection logs); they audit but keep no history, so a test counts only the commands it causes.
    /// </summary>
    public IDbContextFactory<IndustryTrackerDbContext> FactoryWith(params IInterceptor[] interceptors) => new InterceptedFactory(this, interceptors);

    private sealed class InterceptedFactory(TestDatabase database, IInterceptor[] interceptors) : IDbContextFactory<IndustryTrackerDbContext>
    {
        public IndustryTrackerDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
            DependencyInjection.ConfigureProvider(builder, database.Options)
                .AddInterceptors([new AuditingInterceptor(database.Time, SystemActor.Import), .. interceptors]);
            return new IndustryTrackerDbContext(builder.Options);
        }
    }

    /// <summary>Runs raw SQL (several statements allowed) against the test database.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var context = CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms: the temp folder is cleaned by the OS.
        }
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class ContextFactory(DatabaseOptions options, TimeProvider time) : IDbContextFactory<IndustryTrackerDbContext>
    {
        public IndustryTrackerDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
            DependencyInjection.ConfigureProvider(builder, options)
                .AddInterceptors(new AuditingInterceptor(time, SystemActor.Import), new Core.History.HistoryInterceptor(time, SystemActor.Import));
            return new IndustryTrackerDbContext(builder.Options);
        }
    }
}
