using IndustryTracker.Core.Import.Writing;
using IndustryTracker.Tests.Support;
using static IndustryTracker.Tests.Import.ImportTestKit;

namespace IndustryTracker.Tests.Import;

public sealed class TrackingWarmUpTests
{
    [Fact]
    public async Task The_warm_up_completes_on_a_stored_database_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportSeedAsync(database, "001");
        var before = await RowCountsAsync(database);

        await TrackingWarmUp.RunAsync(database.Factory, Ct);

        Assert.Equal(before, await RowCountsAsync(database));
    }
}
