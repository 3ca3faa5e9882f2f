using System.Runtime.CompilerServices;
using IndustryTracker.Core.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace IndustryTracker.Web.Components.Pages.Timeline;

/// <summary>
/// The HTML of an event as a reader sees it in <see cref="EventList"/> (no edit link), kept with the event's row.
/// <para>
/// The timeline and the profiles show kept rows: the same <see cref="EventDto"/> instance until the next write, another
/// instance's write or 30 s (<c>QueryCache</c>). Their HTML is made once for that instance, by the same fragment
/// <see cref="EventList"/> renders, and lives as long as it does: a row read again is a new instance with its own HTML,
/// so nothing here needs to be dropped. Building each event's elements for every page view and writing them out was
/// about a fifth of a timeline page's CPU under load (docs/benchmarks.md).
/// </para>
/// </summary>
public sealed class EventMarkup(IServiceScopeFactory scopes, ILoggerFactory loggerFactory)
{
    private static readonly ConditionalWeakTable<EventDto, Kept> KeptMarkup = new();

    /// <summary>The kept HTML of <paramref name="item"/> shown with <paramref name="articleTitles"/>, if it was made.</summary>
    public static MarkupString? Find(EventDto item, IReadOnlyDictionary<string, string>? articleTitles) =>
        KeptMarkup.TryGetValue(item, out var kept) && ReferenceEquals(kept.ArticleTitles, articleTitles) ? kept.Html : null;

    /// <summary>Makes the HTML of those of <paramref name="events"/> that have none for these titles yet.</summary>
    public async Task KeepAsync(IReadOnlyList<EventDto> events, IReadOnlyDictionary<string, string>? articleTitles = null)
    {
        List<EventDto>? missing = null;
        foreach (var item in events)
        {
            if (Find(item, articleTitles) is null)
            {
                (missing ??= []).Add(item);
            }
        }
        if (missing is null)
        {
            return;
        }

        // A renderer resolves scoped services (Blazor's own), so it gets a scope of its own: this class is a singleton.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        await renderer.Dispatcher.InvokeAsync(async () =>
        {
            foreach (var item in missing)
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(ItemView.Item)] = item,
                    [nameof(ItemView.ArticleTitles)] = articleTitles,
                });
                var html = await renderer.RenderComponentAsync<ItemView>(parameters);
                KeptMarkup.AddOrUpdate(item, new Kept(articleTitles, new MarkupString(html.ToHtmlString())));
            }
        });
    }

    private sealed record Kept(IReadOnlyDictionary<string, string>? ArticleTitles, MarkupString Html);

    /// <summary>One event as <see cref="EventList"/> renders it for a reader.</summary>
    internal sealed class ItemView : ComponentBase
    {
        [Parameter] public EventDto Item { get; set; } = null!;

        [Parameter] public IReadOnlyDictionary<string, string>? ArticleTitles { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            builder.AddContent(0, EventList.Item(Item, ArticleTitles, canEdit: false));
    }
}
