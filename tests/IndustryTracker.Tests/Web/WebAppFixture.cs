using IndustryTracker.Tests.Support;

namespace IndustryTracker.Tests.Web;

/// <summary>A test database holding <see cref="TestData"/>'s world and the web app running on it, per test class instance.</summary>
public abstract class WebAppTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected TrackerWebApplicationFactory Factory { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>True to sign requests in through <see cref="TestAuthentication.ActingAs"/> headers.</summary>
    protected virtual bool UsesTestAuthentication => false;

    public async ValueTask InitializeAsync()
    {
        Database = await TestData.CreateDatabaseAsync();
        Factory = new TrackerWebApplicationFactory(Database, testAuthentication: UsesTestAuthentication);
        Client = Factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>The id the database gave the event with this title.</summary>
    protected int EventId(string title)
    {
        using var db = Database.CreateContext();
        return db.Events.Single(e => e.Title == title).Id;
    }
}
