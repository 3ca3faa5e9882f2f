using IndustryTracker.Cli.Synthetic;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Scale;

/// <summary>
/// No N+1: each page and API call sends a fixed, small number of SQL commands: the same for a page of 50 as for a page
/// of 2, and far fewer than the busiest company has events, relations or investments. Counted by a
/// <see cref="SqlCommandRecorder"/> on the app's own contexts, over a generated dataset.
/// </summary>
public sealed class CommandCountTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WebApplicationFactory<IndustryTracker.Web.Components.App> _factory = null!;
    private HttpClient _client = null!;
    private readonly SqlCommandRecorder _recorder = new();
    private string _busy = null!;
    private string _quiet = null!;
    private string _model = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await SyntheticDataset.GenerateAsync(_database.Options, new SyntheticDatasetSize(Companies: 50, Events: 800, Investments: 100, Seed: 3), cancellationToken: Ct);
        await using (var db = _database.CreateContext())
        {
            var counts = await db.Companies
                .Select(c => new { c.Slug, Events = db.Set<IndustryTracker.Core.Timeline.EventCompany>().Count(l => l.CompanyId == c.Id) })
                .Where(c => c.Events > 0)
                .OrderByDescending(c => c.Events).ThenBy(c => c.Slug)
                .ToListAsync(Ct);
            _busy = counts[0].Slug;
            _quiet = counts[^1].Slug;
            _model = await db.AiModels.OrderBy(m => m.Slug).Select(m => m.Slug).FirstAsync(Ct);
        }
        _factory = _recorder.AppFor(_database);
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>How many SQL commands answering <paramref name="path"/> took (the response must be 200).</summary>
    private async Task<int> CommandsForAsync(string path)
    {
        await _client.GetAsync("/health", Ct); // the app is up before counting
        _factory.Services.GetRequiredService<QueryCache>().Invalidate(); // counted cold: cached counts and facets would hide queries
        _recorder.Clear();
        using var response = await _client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return _recorder.Commands.Count;
    }

    public static TheoryData<string, string, string, int> Lists => new()
    {
        // name, a page of 50, the same filters with a page of 2, most commands allowed (event lists: one more for the
        // shared cache stamp read before the cached count, see CacheStamp, and one for the output cache's own stamp
        // read before an anonymous answer, see PublicCacheGenerations)
        { "events by company", "/api/events?company={busy}&pageSize=50", "/api/events?company={busy}&pageSize=2", 8 },
        { "events, unfiltered", "/api/events?pageSize=50", "/api/events?pageSize=2", 8 },
        { "events by text", "/api/events?q=platform&pageSize=50", "/api/events?q=platform&pageSize=2", 8 },
        // the page's ids, then the rows of those ids (so the split query's reads don't repeat the filter and the sort)
        { "investments by company", "/api/investments?company={busy}&pageSize=50", "/api/investments?company={busy}&pageSize=2", 7 },
        { "companies", "/api/companies?pageSize=50", "/api/companies?pageSize=2", 4 },
        { "timeline page", "/timeline?company={busy}&pageSize=50", "/timeline?company={busy}&pageSize=2", 16 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_list_sends_the_same_few_commands_with_the_same_sql_for_a_page_of_50_as_for_a_page_of_2(string name, string fifty, string two, int most)
    {
        var forFifty = await CommandsForAsync(Fill(fifty));
        var sqlForFifty = _recorder.Commands.Select(c => c.Sql).ToList();
        var forTwo = await CommandsForAsync(Fill(two));
        var sqlForTwo = _recorder.Commands.Select(c => c.Sql).ToList();

        Assert.True(forFifty == forTwo, $"{name}: {forFifty} commands for {Fill(fifty)} but {forTwo} for {Fill(two)}");
        Assert.InRange(forFifty, 1, most);
        // A page's ids travel as one array parameter, so EF Core builds each command's SQL once and reuses it.
        Assert.True(sqlForFifty.SequenceEqual(sqlForTwo), $"{name}: the SQL differs between {Fill(fifty)} and {Fill(two)}:\n"
            + string.Join("\n---\n", sqlForFifty.Except(sqlForTwo)));
    }

    [Fact]
    public async Task A_list_showing_events_read_since_the_last_write_reads_no_rows_for_them()
    {
        var cold = await CommandsForAsync(Fill("/api/events?company={busy}&pageSize=50"));
        Assert.Contains(_recorder.Commands, c => c.Sql.Contains("\"Mentions\"", StringComparison.Ordinal));

        // Another address (so not the output cache's answer) whose page holds the same events, all kept since.
        _recorder.Clear();
        using var response = await _client.GetAsync(Fill("/api/events?company={busy}&pageSize=20"), Ct);

        Assert.True(response.IsSuccessStatusCode);
        Assert.DoesNotContain(_recorder.Commands, c => c.Sql.Contains("\"Mentions\"", StringComparison.Ordinal)
            || c.Sql.Contains("\"Title\"", StringComparison.Ordinal));
        Assert.InRange(_recorder.Commands.Count, 1, cold - 4); // the page's four row queries left out
    }

    [Fact]
    public async Task The_home_pages_latest_events_read_since_the_last_write_are_not_read_again()
    {
        await CommandsForAsync("/");
        Assert.Contains(_recorder.Commands, c => c.Sql.Contains("\"Mentions\"", StringComparison.Ordinal));

        // Rendered afresh (an enhanced navigation is never answered from the output cache): counts and rows are kept.
        _recorder.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        using var response = await _client.SendAsync(request, Ct);

        Assert.True(response.IsSuccessStatusCode);
        Assert.DoesNotContain(_recorder.Commands, c => c.Sql.Contains("\"Mentions\"", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, int> Reads => new()
    {
        // name, path, most commands allowed (the busiest company has hundreds of events, relations and quotes; an
        // anonymous read also reads the cache stamp once for the output cache, see PublicCacheGenerations)
        { "facets", "/api/events/facets?company={busy}", 5 },  // the aggregates and the shared cache stamp, twice
        { "company profile API", "/api/companies/{busy}", 21 },
        // the investments' ids first, and the cache stamp read before the kept profile
        { "company page", "/companies/{busy}", 26 },
        { "company page of a quiet company", "/companies/{quiet}", 23 },
        { "home page", "/", 25 }, // counted cold: the landscape's two reads of every company and its cache stamp read
        { "model API", "/api/models/{model}", 12 },
        { "model page", "/models/{model}", 16 },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_page_or_api_call_sends_a_fixed_number_of_commands(string name, string path, int most)
    {
        var commands = await CommandsForAsync(Fill(path));

        Assert.True(commands is >= 1 && commands <= most, $"{name}: {commands} commands for {Fill(path)} (at most {most})");
    }

    [Fact]
    public async Task The_home_page_never_reads_every_investment_or_company()
    {
        await CommandsForAsync("/");

        // Only top-N (LIMIT), counts, or reads by id: no whole-table read of investments or companies.
        Assert.DoesNotContain(_recorder.Commands, c =>
            (c.Sql.Contains("FROM \"Investments\" AS", StringComparison.Ordinal) || c.Sql.Contains("FROM \"Companies\" AS", StringComparison.Ordinal))
            && !c.Sql.Contains("LIMIT", StringComparison.Ordinal) && !c.Sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)
            && !c.Sql.Contains("IN (", StringComparison.Ordinal) && !c.Sql.Contains("= ANY", StringComparison.Ordinal)
            && !c.Sql.Contains("json_each", StringComparison.Ordinal) && !c.Sql.Contains("ORDER BY \"i\".\"Id\"", StringComparison.Ordinal)
            && !c.Sql.Contains("INNER JOIN (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_home_page_reads_every_company_for_its_landscape_once_while_nothing_changes()
    {
        static bool ReadsEveryCompany(RecordedCommand c) =>
            c.Sql.Contains("FROM \"Companies\"", StringComparison.Ordinal)
            && (c.Sql.Contains("GROUP BY", StringComparison.Ordinal) || c.Sql.Contains("ROW_NUMBER()", StringComparison.Ordinal));

        await CommandsForAsync("/");
        Assert.Equal(2, _recorder.Commands.Count(ReadsEveryCompany)); // the counts by category and the first of each

        _recorder.Clear();
        // Another address of the same page, so the output cache (which varies by query string) renders it again.
        using (var again = await _client.GetAsync("/?again=1", Ct))
        {
            Assert.True(again.IsSuccessStatusCode);
        }
        Assert.DoesNotContain(_recorder.Commands, ReadsEveryCompany);
    }

    [Theory]
    [InlineData("/timeline?company={busy}&model={model}")]
    [InlineData("/timeline")]
    [InlineData("/investments?company={busy}")]
    [InlineData("/models/{model}")]
    public async Task Pages_with_pickers_never_read_every_company_or_model(string path)
    {
        await CommandsForAsync(Fill(path));

        // The pickers search on the server as the reader types; the page reads only the chosen names (WHERE … IN),
        // a top-N (LIMIT) or counts: never a whole table of names.
        var whole = _recorder.Commands.Where(c =>
            (c.Sql.Contains("FROM \"Companies\" AS", StringComparison.Ordinal) || c.Sql.Contains("FROM \"AiModels\" AS", StringComparison.Ordinal))
            && !c.Sql.Contains("WHERE", StringComparison.Ordinal) && !c.Sql.Contains("LIMIT", StringComparison.Ordinal)
            && !c.Sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)).Select(c => c.Sql).ToList();
        Assert.True(whole.Count == 0, $"{Fill(path)} read whole tables:\n{string.Join("\n---\n", whole)}");
    }

    private string Fill(string path) =>
        path.Replace("{busy}", _busy, StringComparison.Ordinal).Replace("{quiet}", _quiet, StringComparison.Ordinal).Replace("{model}", _model, StringComparison.Ordinal);
}
