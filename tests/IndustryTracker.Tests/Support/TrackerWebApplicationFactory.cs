using IndustryTracker.Core.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IndustryTracker.Tests.Support;

/// <summary>
/// The real web app on a test database file, with its seed folder and logs in the database's temporary folder and,
/// unless told otherwise, a fake importer that records what it was asked to import. With
/// <c>testAuthentication</c>, requests sign in through <see cref="TestAuthenticationHandler"/> headers
/// (<see cref="TestAuthentication.ActingAs"/>).
/// </summary>
/// <remarks>
/// The entry-point marker is the web assembly's App component, not Program: the CLI's top-level Program, visible here
/// through InternalsVisibleTo, makes the name ambiguous. The factory only uses the type to find the assembly.
/// </remarks>
/// <param name="realSeeds">The real importer and the repository's seed articles instead of the fake importer.</param>
public sealed class TrackerWebApplicationFactory(TestDatabase database, bool registerImporter = true, bool testAuthentication = false, bool realSeeds = false) : WebApplicationFactory<IndustryTracker.Web.Components.App>
{
    public FakeArticleImporter Importer { get; } = new();

    public string SeedFolder { get; } = Directory.CreateDirectory(Path.Combine(database.Folder, "seeds")).FullName;

    public string LogsFolder { get; } = Path.Combine(database.Folder, "logs");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:IndustryTracker"] = database.Options.ConnectionString,
            ["Database:Provider"] = database.Options.Provider.ToString(),
            ["Seed:Path"] = realSeeds ? Import.ImportTestKit.SeedsFolder : SeedFolder,
            // The test server speaks plain HTTP; SecurityHeadersTests covers the HTTPS defaults.
            ["Security:RequireHttps"] = "false",
        };
        // Read when the host's logger is built, so app configuration is enough. Not as a host setting: those reach the
        // app as command-line arguments, where an array index in the key comes back as an empty parent value that
        // Serilog's configuration reader takes for a sink called "".
        var logging = new Dictionary<string, string?> { [IndustryTracker.Web.Startup.LoggingSetup.FilePathKey] = Path.Combine(LogsFolder, "industrytracker-.clef") };
        builder.UseEnvironment("Testing");
        // As in Development: a scoped service taken from the root provider fails here, not first in the E2E run.
        builder.UseDefaultServiceProvider(options => options.ValidateScopes = true);
        // Configured as a deployment would (the test server's own address), so the start logs no warning about it; a
        // host setting only, so a test's own UseSetting can replace it.
        builder.UseSetting("Security:PublicBaseUrl", "http://localhost/");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings).AddInMemoryCollection(logging));
        builder.ConfigureServices(services =>
        {
            if (!realSeeds)
            {
                services.RemoveAll<IArticleImporter>();
                if (registerImporter)
                {
                    services.AddSingleton<IArticleImporter>(Importer);
                }
            }
            if (testAuthentication)
            {
                services.AddTestAuthentication();
            }
        });
    }
}

/// <summary>Records the paths it is asked to import and imports nothing; previews find nothing.</summary>
public sealed class FakeArticleImporter : IArticleImporter
{
    private readonly List<string> _importedPaths = [];

    public IReadOnlyList<string> ImportedPaths
    {
        get
        {
            lock (_importedPaths)
            {
                return [.. _importedPaths];
            }
        }
    }

    public Task<ImportResult> ImportAsync(ArticleSource source, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ImportResult(source.FileName, ImportOutcome.Imported, null, ImportCounts.None));

    public Task<IReadOnlyList<ImportResult>> ImportPathsAsync(
        IEnumerable<string> paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        lock (_importedPaths)
        {
            _importedPaths.AddRange(paths);
        }
        IReadOnlyList<ImportResult> results = [new ImportResult("seed.txt", ImportOutcome.Imported, null, new ImportCounts(3, 2, 1, 0, 1, 4))];
        return Task.FromResult(results);
    }

    public Task<ImportPreview> PreviewAsync(ArticleSource source, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ImportPreview(source.FileName, ImportOutcome.Imported, null));

    public Task<IReadOnlyList<ImportPreview>> PreviewPathsAsync(
        IEnumerable<string> paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ImportPreview> previews = [.. paths.Select(p => new ImportPreview(Path.GetFileName(p), ImportOutcome.Imported, null))];
        return Task.FromResult(previews);
    }
}
