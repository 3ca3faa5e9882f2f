using System.Text.Json;

namespace IndustryTracker.Tests.Web.Startup;

/// <summary>The web app's garbage-collector settings as the runtime reads them (its runtimeconfig.json; docs/deployment.md, "Memory").</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_web_app_runs_the_server_gc_without_background_collections_and_conserving_memory()
    {
        var path = Path.ChangeExtension(typeof(IndustryTracker.Web.Components.App).Assembly.Location, ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(5, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }
}
