using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace IndustryTracker.Tests.Web.Durability;

/// <summary>
/// The built web app (IndustryTracker.Web.dll from this test's output) as a separate process on a SQLite file in a
/// temporary folder, with a free port, the first admin from settings and a seeds folder of its own. It can be killed
/// with SIGKILL and started again on the same database.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.com";
    public const string EditorEmail = "editor@example.com";
    public const string Password = "durability test passphrase";

    private readonly StringBuilder _output = new();
    private Process? _process;

    private AppProcess(string folder, int port)
    {
        Folder = folder;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Folder { get; }

    public Uri BaseUri { get; }

    public string DatabasePath => Path.Combine(Folder, "tracker.db");

    public string SeedsFolder => Path.Combine(Folder, "seeds");

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

    /// <summary>A new folder with the seed articles named by <paramref name="seedPrefixes"/>, imported on the first start.</summary>
    public static AppProcess Create(params string[] seedPrefixes)
    {
        var folder = Directory.CreateTempSubdirectory("industrytracker-durability-").FullName;
        var app = new AppProcess(folder, FreePort());
        Directory.CreateDirectory(app.SeedsFolder);
        foreach (var prefix in seedPrefixes)
        {
            var seed = Import.ImportTestKit.Seed(prefix);
            File.Copy(seed, Path.Combine(app.SeedsFolder, Path.GetFileName(seed)));
        }
        return app;
    }

    /// <summary>Starts the app and waits until /health answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IndustryTracker.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUri.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__IndustryTracker"] = $"Data Source={DatabasePath}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Seed__Path"] = SeedsFolder;
        start.Environment["Admin__Email"] = AdminEmail;
        start.Environment["Admin__Password"] = Password;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Folder, "logs", "industrytracker-.clef");

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
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
                // A slow first response.
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"The web app did not become healthy:\n{Output}");
    }

    /// <summary>SIGKILL: the process gets no chance to flush, close or commit anything.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>An HttpClient with the bearer token of <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignInAsync(string email, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        using var login = await http.PostAsJsonAsync("api/auth/login", new { email, password = Password }, cancellationToken);
        login.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(cancellationToken));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>Creates the editor account as the admin and answers a client signed in as the editor.</summary>
    public async Task<HttpClient> CreateEditorAsync(CancellationToken cancellationToken)
    {
        using (var admin = await SignInAsync(AdminEmail, cancellationToken))
        {
            using var created = await admin.PostAsJsonAsync("api/auth/users", new { email = EditorEmail, password = Password, role = "Editor" }, cancellationToken);
            Assert.True(created.IsSuccessStatusCode, $"creating the editor: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return await SignInAsync(EditorEmail, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
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
