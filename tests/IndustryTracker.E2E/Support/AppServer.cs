using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IndustryTracker.E2E.Support;

/// <summary>
/// The built web app as a real process on a free loopback port, with its own SQLite file in a temp folder and the
/// repository's seeds imported on first start. It can be killed and started again on the same port.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly StringBuilder _output = new();
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    private readonly string _appFolder;

    private AppServer(string appFolder, string dataFolder, int port, IReadOnlyDictionary<string, string>? environment)
    {
        _appFolder = appFolder;
        DataFolder = dataFolder;
        Port = port;
        _environment = environment ?? new Dictionary<string, string>();
    }

    public string DataFolder { get; }
    public int Port { get; }
    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<AppServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(null, cancellationToken);

    /// <param name="environment">Extra environment variables for the app, e.g. Admin__Email and Admin__Password.</param>
    /// <param name="cancellationToken">Stops waiting for the app to become healthy.</param>
    public static Task<AppServer> StartAsync(IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken = default) =>
        StartAsync(environment, appFolder: null, cancellationToken);

    /// <param name="environment">Extra environment variables for the app.</param>
    /// <param name="appFolder">The folder of IndustryTracker.Web.dll: the build output when null, or a publish folder.</param>
    /// <param name="cancellationToken">Stops waiting for the app to become healthy.</param>
    public static async Task<AppServer> StartAsync(IReadOnlyDictionary<string, string>? environment, string? appFolder, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "industrytracker-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new AppServer(appFolder ?? RepositoryPaths.WebOutputFolder(), folder, FreePort(), environment);
        await server.StartProcessAsync(cancellationToken);
        return server;
    }

    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        var webOutput = _appFolder;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(webOutput, "IndustryTracker.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUri.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__IndustryTracker"] = $"Data Source={Path.Combine(DataFolder, "e2e.db")}";
        start.Environment["Seed__Path"] = RepositoryPaths.Seeds();
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(DataFolder, "logs", "industrytracker-.clef");
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Generous: on a loaded two-core machine, two apps importing the seeds at once can take far longer than the
        // ~5 s a first start takes alone (docs/benchmarks.md).
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first response.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"The web app did not become healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Kills the server process abruptly, as a crash or a redeploy would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
