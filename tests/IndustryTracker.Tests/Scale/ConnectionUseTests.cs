using System.Data.Common;
using IndustryTracker.Cli.Synthetic;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryTracker.Tests.Scale;

/// <summary>
/// A page's rows (the events, then their companies, models and quotes by id; the investments, then their participants
/// and quotes) are read on one connection, not on one taken from the pool and given back around each query; and the
/// connection is given back when they are read.
/// </summary>
public sealed class ConnectionUseTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await SyntheticDataset.GenerateAsync(_database.Options, new SyntheticDatasetSize(Companies: 20, Events: 200, Investments: 10, Seed: 5), cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 7)]
    public async Task A_page_reads_its_rows_on_one_connection_and_gives_it_back(int page, int pageSize)
    {
        var connections = new ConnectionLog();
        var queries = new EventQueries(_database.FactoryWith(connections));

        var result = await queries.ListAsync(new EventQuery { Page = page, PageSize = pageSize }, Ct);

        Assert.Equal(pageSize, result.Items.Count);
        Assert.Contains(result.Items, e => e.Companies.Count > 0);
        var rowQueries = connections.Commands.TakeLast(4).ToList();
        Assert.Contains(rowQueries, c => c.Sql.Contains("\"EventCompanies\"", StringComparison.Ordinal));
        Assert.Contains(rowQueries, c => c.Sql.Contains("\"EventModels\"", StringComparison.Ordinal));
        Assert.Contains(rowQueries, c => c.Sql.Contains("\"Mentions\"", StringComparison.Ordinal));
        Assert.Single(rowQueries.Select(c => c.Open).Distinct());
        Assert.Equal(connections.Opens, connections.Closes);
    }

    [Fact]
    public async Task A_page_of_investments_reads_its_rows_on_one_connection_and_gives_it_back()
    {
        var connections = new ConnectionLog();
        var queries = new InvestmentQueries(_database.FactoryWith(connections));

        var result = await queries.ListAsync(new InvestmentQuery { PageSize = 8 }, Ct);

        Assert.Equal(8, result.Items.Count);
        Assert.Contains(result.Items, i => i.Investors.Count > 0);
        var rowQueries = connections.Commands.TakeLast(3).ToList();
        Assert.Contains(rowQueries, c => c.Sql.Contains("\"InvestmentParticipants\"", StringComparison.Ordinal));
        Assert.Contains(rowQueries, c => c.Sql.Contains("\"Mentions\"", StringComparison.Ordinal));
        Assert.Single(rowQueries.Select(c => c.Open).Distinct());
        Assert.Equal(connections.Opens, connections.Closes);
    }

    private sealed record LoggedCommand(int Open, string Sql);

    /// <summary>Numbers each connection open and notes under which open each command was sent.</summary>
    private sealed class ConnectionLog : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        private readonly List<LoggedCommand> _commands = [];
        private int _opens;
        private int _closes;

        public int Opens => Volatile.Read(ref _opens);

        public int Closes => Volatile.Read(ref _closes);

        public IReadOnlyList<LoggedCommand> Commands
        {
            get
            {
                lock (_commands)
                {
                    return [.. _commands];
                }
            }
        }

        public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _opens);

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _opens);
            return Task.CompletedTask;
        }

        public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _closes);

        public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
        {
            Interlocked.Increment(ref _closes);
            return Task.CompletedTask;
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (_commands)
            {
                _commands.Add(new LoggedCommand(Opens, command.CommandText));
            }
            return ValueTask.FromResult(result);
        }
    }
}
