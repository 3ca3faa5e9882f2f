using IndustryTracker.Core.Import;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Tests.Web.Editing;

/// <summary>
/// <see cref="TestData"/>'s world behind the web app with test authentication and the real importer (its size limit
/// lowered to <see cref="MaxFileBytes"/>), per test class instance.
/// </summary>
public abstract class EditingWebTest : IAsyncLifetime
{
    public const int MaxFileBytes = 64 * 1024;
    public const string EditorName = "ed@example.com";

    private TrackerWebApplicationFactory _factory = null!;

    protected TestDatabase Database { get; private set; } = null!;
    protected WebApplicationFactory<IndustryTracker.Web.Components.App> App { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Database = await TestData.CreateDatabaseAsync();
        _factory = new TrackerWebApplicationFactory(Database, registerImporter: false, testAuthentication: true);
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.RemoveAll<IArticleImporter>();
            services.AddSingleton<IArticleImporter>(sp => new ArticleImporter(
                sp.GetRequiredService<IDbContextFactory<Core.Data.IndustryTrackerDbContext>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ArticleImporter>>()) { MaxFileBytes = MaxFileBytes });
        }));
        // Start the app now: its start-up work (migrations, roles) must not count as a test's writes.
        _ = App.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected HttpClient Editor() => Anonymous().ActingAs(EditorName, global::IndustryTracker.Web.Security.Roles.Editor);

    /// <summary>Signed in, but holding no role: a Reader.</summary>
    protected HttpClient Reader() => Anonymous().ActingAs("reader@example.com");

    protected Task<Dictionary<string, long>> RowCountsAsync() => Import.ImportTestKit.RowCountsAsync(Database);

    protected static string SeedPath(string prefix) => Import.ImportTestKit.Seed(prefix);
}
