using IndustryTracker.Core;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndustryTracker.Tests.Import;

/// <summary>Helpers for import tests against a real SQLite file.</summary>
internal static class ImportTestKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string SeedsFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string Seed(string prefix) => Directory.GetFiles(SeedsFolder, prefix + "_*.txt").Single();

    public static ArticleImporter Importer(TestDatabase database, IDbContextFactory<IndustryTrackerDbContext>? factory = null) =>
        new(factory ?? database.Factory, database.Time, NullLogger<ArticleImporter>.Instance);

    public static async Task<ImportResult> ImportSeedAsync(TestDatabase database, string prefix)
    {
        var path = Seed(prefix);
        var result = await Importer(database).ImportAsync(new ArticleSource(Path.GetFileName(path), await File.ReadAllBytesAsync(path, Ct)), Ct);
        Assert.True(result.Outcome == ImportOutcome.Imported, result.Error);
        return result;
    }

    /// <summary>Rows per table (every table of the schema, join tables included).</summary>
    public static async Task<Dictionary<string, long>> RowCountsAsync(TestDatabase database)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var context = database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        foreach (var table in context.Model.GetRelationalModel().Tables.Select(t => t.Name).Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Contains("Mentions", counts.Keys);
        return counts;
    }

    /// <summary>A context factory for the test database whose contexts fail when a statement matches.</summary>
    public sealed class FailingFactory(TestDatabase database, string failWhenSqlContains) : IDbContextFactory<IndustryTrackerDbContext>
    {
        public int Failures => _interceptor.Failures;

        private readonly FailingCommandInterceptor _interceptor = new(failWhenSqlContains);

        public IndustryTrackerDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
            DependencyInjection.ConfigureProvider(builder, database.Options)
                .AddInterceptors(new AuditingInterceptor(database.Time, SystemActor.Import), new Core.History.HistoryInterceptor(database.Time, SystemActor.Import), _interceptor);
            return new IndustryTrackerDbContext(builder.Options);
        }
    }

    private sealed class FailingCommandInterceptor(string fragment) : DbCommandInterceptor
    {
        public int Failures { get; private set; }

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command,
            CommandEventData eventData,
            InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(System.Data.Common.DbCommand command)
        {
            if (command.CommandText.Contains(fragment, StringComparison.Ordinal))
            {
                Failures++;
                throw new InvalidOperationException("Simulated failure while writing: " + fragment);
            }
        }
    }

    public sealed class ListProgress : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }
}
