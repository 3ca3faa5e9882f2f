using IndustryTracker.Cli.Synthetic;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Editing;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Queries;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndustryTracker.Tests.Queries;

/// <summary>
/// Every sortable list column is sorted by the database, in both directions, over a generated dataset larger than a
/// page: the rows of a page come in the column's order (empty values last either way), the two directions give
/// different pages, and a page never holds more rows than its size. Strings compare ordinally (SQLite's BINARY and the
/// test server's C.UTF-8 collation).
/// </summary>
public sealed class ListSortingTests : IAsyncLifetime
{
    private const int PageSize = 25;

    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await SyntheticDataset.GenerateAsync(_database.Options, new SyntheticDatasetSize(Companies: 80, Events: 300, Investments: 120, Seed: 11), cancellationToken: Ct);
        // The generator gives every article the same publisher and date: vary them (some empty) so they can be sorted.
        await using var db = _database.CreateContext();
        var articles = await db.Articles.OrderBy(a => a.Id).ToListAsync(Ct);
        for (var i = 0; i < articles.Count; i++)
        {
            articles[i].Publisher = i % 3 == 0 ? null : $"Publisher {i * 5 % 7}";
            articles[i].PublishedOn = i % 4 == 0 ? null : new DateOnly(2025, 1, 1).AddDays(i * 37 % 300);
        }
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public static TheoryData<CompanySort> CompanySorts => [.. Enum.GetValues<CompanySort>()];

    [Theory]
    [MemberData(nameof(CompanySorts))]
    public async Task Companies_sort_by_every_column(CompanySort sort)
    {
        var queries = new CompanyQueries(_database.Factory);
        Func<CompanyDto, IComparable?> key = sort switch
        {
            CompanySort.Category => c => Stored<CompanyCategory>(c.Category),
            CompanySort.Country => c => c.Country,
            CompanySort.Parent => c => c.Parent,
            _ => c => c.Name,
        };

        await AssertSortedBothWaysAsync(descending => queries.ListAsync(new CompanyListQuery { Sort = sort, Descending = descending, PageSize = PageSize }, Ct), key);
    }

    public static TheoryData<ModelSort> ModelSorts => [.. Enum.GetValues<ModelSort>()];

    [Theory]
    [MemberData(nameof(ModelSorts))]
    public async Task Models_sort_by_every_column(ModelSort sort)
    {
        var queries = new ModelQueries(_database.Factory);
        Func<ModelDto, IComparable?> key = sort switch
        {
            ModelSort.Developer => m => m.Developer,
            ModelSort.Kind => m => Stored<AiModelKind>(m.Kind),
            ModelSort.Status => m => Stored<AiModelStatus>(m.Status),
            ModelSort.Accessibility => m => Stored<Accessibility>(m.Accessibility),
            ModelSort.Released => m => m.Released?.Start,
            _ => m => m.Name,
        };

        await AssertSortedBothWaysAsync(descending => queries.ListAsync(new ModelQuery { Sort = sort, Descending = descending, PageSize = 8 }, Ct), key);
    }

    public static TheoryData<InvestmentSort> InvestmentSorts => [.. Enum.GetValues<InvestmentSort>()];

    [Theory]
    [MemberData(nameof(InvestmentSorts))]
    public async Task Investments_sort_by_every_column(InvestmentSort sort)
    {
        var queries = new InvestmentQueries(_database.Factory);
        Func<InvestmentDto, IComparable?> key = sort switch
        {
            InvestmentSort.Kind => i => Stored<InvestmentKind>(i.Kind),
            InvestmentSort.Recipient => i => i.Recipient,
            InvestmentSort.AmountUsd => i => i.AmountUsd,
            _ => i => i.Date?.Start,
        };

        // Undated investments sort where the database puts NULLs by date (the existing date order); the others stay last.
        await AssertSortedBothWaysAsync(
            descending => queries.ListAsync(new InvestmentQuery { Sort = sort, Descending = descending, PageSize = PageSize }, Ct), key,
            nullsLast: sort != InvestmentSort.Date);
    }

    public static TheoryData<SourceSort> SourceSorts => [.. Enum.GetValues<SourceSort>()];

    [Theory]
    [MemberData(nameof(SourceSorts))]
    public async Task Sources_sort_by_every_column(SourceSort sort)
    {
        var queries = new SourceQueries(_database.Factory);
        Func<SourceSummaryDto, IComparable?> key = sort switch
        {
            SourceSort.Title => s => s.Title,
            SourceSort.Publisher => s => s.Publisher,
            SourceSort.Published => s => s.Published,
            _ => s => s.File,
        };

        await AssertSortedBothWaysAsync(descending => queries.ListAsync(new SourceListQuery { Sort = sort, Descending = descending, PageSize = 5 }, Ct), key);
    }

    public static TheoryData<DeletedEventSort> DeletedSorts => [.. Enum.GetValues<DeletedEventSort>()];

    [Theory]
    [MemberData(nameof(DeletedSorts))]
    public async Task Deleted_events_are_paged_and_sorted_by_the_database(DeletedEventSort sort)
    {
        var editor = new EventEditor(_database.Factory, _database.Time, NullLogger<EventEditor>.Instance);
        List<(int Id, int Version)> events;
        await using (var db = _database.CreateContext())
        {
            // Deleted in an order unrelated to their date or title.
            events = [.. (await db.Events.OrderBy(e => e.Id).Select(e => new { e.Id, e.Version }).Take(40).ToListAsync(Ct))
                .OrderBy(e => (e.Id * 7919) % 40).Select(e => (e.Id, e.Version))];
        }
        foreach (var (id, version) in events)
        {
            _database.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(EditOutcome.Saved, (await editor.DeleteAsync(id, version, "editor", Ct)).Outcome);
        }
        Func<EventDetailDto, IComparable?> key = sort switch
        {
            DeletedEventSort.Date => e => e.Date.Start,
            DeletedEventSort.Title => e => e.Title,
            _ => e => e.DeletedAt,
        };

        await AssertSortedBothWaysAsync(descending => editor.ListDeletedAsync(new DeletedEventQuery { Sort = sort, Descending = descending, PageSize = 15 }, Ct), key);

        // By default the most recently deleted come first, and the last page holds the rest.
        var first = await editor.ListDeletedAsync(new DeletedEventQuery { PageSize = 15 }, Ct);
        Assert.Equal(events[^1].Id, first.Items[0].Id);
        var last = await editor.ListDeletedAsync(new DeletedEventQuery { Page = 3, PageSize = 15 }, Ct);
        Assert.Equal((40, 10), (last.Total, last.Items.Count));
        Assert.Equal(events[0].Id, last.Items[^1].Id);
    }

    /// <summary>Loads the first page ascending and descending; each is in order and within its size, and they differ.</summary>
    private static async Task AssertSortedBothWaysAsync<T>(Func<bool, Task<PagedResult<T>>> load, Func<T, IComparable?> key, bool nullsLast = true)
    {
        var ascending = await load(false);
        var descending = await load(true);

        foreach (var (page, isDescending) in new[] { (ascending, false), (descending, true) })
        {
            Assert.True(page.Total > page.PageSize, $"the dataset fills more than a page ({page.Total} rows)");
            Assert.Equal(page.PageSize, page.Items.Count);
            var keys = page.Items.Select(key).ToList();
            for (var i = 1; i < keys.Count; i++)
            {
                Assert.True(InOrder(keys[i - 1], keys[i], isDescending, nullsLast),
                    $"{(isDescending ? "descending" : "ascending")}: row {i} ({keys[i - 1] ?? "null"}) before row {i + 1} ({keys[i] ?? "null"})");
            }
        }
        Assert.NotEqual(ascending.Items.Select(key).ToList(), descending.Items.Select(key).ToList());
    }

    private static bool InOrder(IComparable? before, IComparable? after, bool descending, bool nullsLast)
    {
        if (before is null || after is null)
        {
            return !nullsLast || after is null;
        }
        var comparison = before is string a && after is string b ? string.CompareOrdinal(a, b) : before.CompareTo(after);
        return descending ? comparison >= 0 : comparison <= 0;
    }

    /// <summary>The enum's stored name ("BigTech"), which the database sorts by, from the DTO's kebab-case value.</summary>
    private static string Stored<TEnum>(string value) where TEnum : struct, Enum =>
        EnumNames.TryParse<TEnum>(value, out var parsed) ? parsed.ToString() : throw new InvalidOperationException($"{value} is no {typeof(TEnum).Name}");
}
