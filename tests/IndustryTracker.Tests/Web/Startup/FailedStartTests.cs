using System.Diagnostics;

namespace IndustryTracker.Tests.Web.Startup;

/// <summary>The built web app as a real process: a bad setting is logged with its reason, then the process exits non-zero.</summary>
public sealed class FailedStartTests
{
    [Fact]
    public async Task An_invalid_setting_is_logged_with_its_reason_before_the_process_exits_non_zero()
    {
        var folder = Directory.CreateTempSubdirectory("industrytracker-failed-start-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IndustryTracker.Web.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_CONTENTROOT"] = folder;
            start.Environment["Database__Provider"] = "Oracle";

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout + await stderr;

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("FTL] IndustryTracker failed to start", output, StringComparison.Ordinal);
            Assert.Contains("Oracle", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
