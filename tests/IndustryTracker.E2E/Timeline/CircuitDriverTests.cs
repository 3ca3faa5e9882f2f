using IndustryTracker.Benchmarks;
using IndustryTracker.E2E.Support;

namespace IndustryTracker.E2E.Timeline;

/// <summary>
/// The circuit driver behind <c>DRIVER=signalr benchmarks/circuits.sh</c> speaks Blazor's hub protocol itself, so a
/// framework update could silently break what it measures. Here it opens a timeline circuit on the real server,
/// follows a category facet and the link back, and sees each new result count arrive in a render batch.
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
    public async Task The_driver_fails_when_the_page_never_shows_the_text_it_waits_for()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await AppServer.StartAsync(ct);
        using var http = new HttpClient();
        var (page, html) = await TimelineAsync(server, http, ct);
        await using var circuit = await BlazorCircuitClient.OpenAsync(http, page, TimelinePageText.ResultCount(html), Timeout);

        await Assert.ThrowsAsync<TimeoutException>(() =>
            circuit.NavigateAsync(TimelinePageText.FirstCategoryLink(html, page), "no page shows this", TimeSpan.FromSeconds(3)));
    }

    private static async Task<(Uri Page, string Html)> TimelineAsync(AppServer server, HttpClient http, CancellationToken cancellationToken)
    {
        var page = new Uri(server.BaseUri, "timeline");
        return (page, await http.GetStringAsync(page, cancellationToken));
    }
}
