using IndustryTracker.Benchmarks;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Timeline;

/// <summary>
/// The circuit driver behind <c>DRIVER=signalr benchmarks/circuits.sh</c> speaks Blazor's hub protocol itself, so a
/// framework update could silently break what it measures. Here it opens a reader's timeline and its circuit on the
/// real server, follows a category facet and the link back as enhanced navigations, and sees the circuit render the
/// page's islands again with each new address.
/// </summary>
public sealed class CircuitDriverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_driver_opens_a_timeline_circuit_and_sees_a_followed_facet_change_the_result_count()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await AppServer.StartAsync(ct);
        using var http = new HttpClient();
        var (page, html) = await TimelineAsync(server, http, ct);
        var filtered = TimelinePageText.FirstCategoryLink(html, page);
        var allCount = TimelinePageText.ResultCount(html);
        var filteredCount = TimelinePageText.ResultCount(await http.GetStringAsync(filtered, ct));
        Assert.NotEqual(allCount, filteredCount);

        await using var circuit = await BlazorCircuitClient.OpenAsync(http, page, allCount, Timeout);
        var firstRender = circuit.Batches;
        await circuit.NavigateAsync(filtered, filteredCount, Timeout);
        await circuit.NavigateAsync(page, allCount, Timeout);

        Assert.True(firstRender > 0);
        Assert.True(circuit.Batches > firstRender);
        Assert.Null(circuit.Error);
    }

    [Fact]
    public async Task The_driver_fails_when_the_page_does_not_show_the_text_it_expects()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await AppServer.StartAsync(ct);
        using var http = new HttpClient();
        var (page, html) = await TimelineAsync(server, http, ct);
        await using var circuit = await BlazorCircuitClient.OpenAsync(http, page, TimelinePageText.ResultCount(html), Timeout);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            circuit.NavigateAsync(TimelinePageText.FirstCategoryLink(html, page), "no page shows this", TimeSpan.FromSeconds(3)));
        Assert.Contains("does not show “no page shows this”", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(Uri Page, string Html)> TimelineAsync(AppServer server, HttpClient http, CancellationToken cancellationToken)
    {
        var page = new Uri(server.BaseUri, "timeline");
        return (page, await http.GetStringAsync(page, cancellationToken));
    }
}
