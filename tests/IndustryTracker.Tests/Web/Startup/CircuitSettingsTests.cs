using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Startup;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Tests.Web.Startup;

/// <summary>The "Circuits" section reaches the circuits' options: the shipped values (docs/deployment.md) and an operator's own.</summary>
public sealed class CircuitSettingsTests : WebAppTest
{
    /// <summary>The hub every circuit talks through (internal to ASP.NET Core; its options are what AddHubOptions sets).</summary>
    private static readonly Type ComponentHub =
        typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;

    [Fact]
    public void The_shipped_settings_bound_what_a_circuit_keeps()
    {
        var options = Factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(50, options.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromMinutes(1), options.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(10, options.MaxBufferedUnacknowledgedRenderBatches);
        Assert.Equal(TimeSpan.FromSeconds(30), options.JSInteropDefaultCallTimeout);
    }

    [Fact]
    public void An_operators_values_replace_the_shipped_ones()
    {
        using var configured = Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Circuits:DisconnectedCircuitMaxRetained", "7")
            .UseSetting("Circuits:DisconnectedCircuitRetentionPeriod", "00:00:20")
            .UseSetting("Circuits:MaxBufferedUnacknowledgedRenderBatches", "3")
            .UseSetting("Circuits:JSInteropDefaultCallTimeout", "00:00:05"));

        var options = configured.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(7, options.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(20), options.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(3, options.MaxBufferedUnacknowledgedRenderBatches);
        Assert.Equal(TimeSpan.FromSeconds(5), options.JSInteropDefaultCallTimeout);
    }

    [Fact]
    public void Circuits_compress_each_message_on_its_own_unless_an_operator_says_otherwise()
    {
        Assert.Equal(WebSocketCompression.PerMessage, Factory.Services.GetRequiredService<IOptions<CircuitTransportOptions>>().Value.WebSocketCompression);

        using var configured = Factory.WithWebHostBuilder(builder => builder.UseSetting("Circuits:WebSocketCompression", "Off"));

        Assert.Equal(WebSocketCompression.Off, configured.Services.GetRequiredService<IOptions<CircuitTransportOptions>>().Value.WebSocketCompression);
    }

    [Theory]
    [InlineData("7", "Circuits:WebSocketCompression must be one of PerMessage, ContextTakeover, Off.")]
    [InlineData("Gzip", "Failed to convert configuration value 'Gzip' at 'Circuits:WebSocketCompression'")]
    public void A_compression_mode_that_is_not_one_stops_the_start_with_the_reason(string value, string reason)
    {
        using var configured = Factory.WithWebHostBuilder(builder => builder.UseSetting("Circuits:WebSocketCompression", value));

        var error = Assert.ThrowsAny<Exception>(() => configured.Services);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_circuit_hub_takes_a_pasted_article_in_one_message_and_no_more()
    {
        var optionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(ComponentHub));
        var hub = (HubOptions)optionsType.GetProperty(nameof(IOptions<object>.Value))!.GetValue(Factory.Services.GetRequiredService(optionsType))!;

        Assert.Equal(4L * IndustryTracker.Web.Components.Pages.Sources.UploadPage.MaxPastedCharacters, hub.MaximumReceiveMessageSize);
    }
}
