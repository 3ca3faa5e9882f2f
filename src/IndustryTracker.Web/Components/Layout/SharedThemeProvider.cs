using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace IndustryTracker.Web.Components.Layout;

/// <summary>
/// <see cref="MudThemeProvider"/> whose style sheets (the theme's CSS variables: some 24 KB) are one shared string per
/// theme and mode. MudThemeProvider builds them afresh on each render, so each open page kept a copy of its own in its
/// render tree (docs/benchmarks.md, "Circuits"); here a render's copy is swapped for the shared one before the tree
/// keeps it. What it renders is MudThemeProvider's own output; everything else (dark mode, following the system's
/// theme) is MudThemeProvider's.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    /// <summary>Light and dark, with and without the scrollbar style: a handful. Past this, renders keep their own copies.</summary>
    private const int MaxShared = 16;

    private static readonly ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);

    /// <summary>The frames of a static render, by what decides them (a theme is not changed once shown).</summary>
    private static readonly ConcurrentDictionary<(MudTheme Theme, bool Dark, bool DefaultScrollbar), (int Sequence, string Markup)[]> Static = new();

    /// <summary>
    /// True while the page shows this provider's theme from elsewhere (a static page's own copy): the provider renders no
    /// style sheets and keeps its other work (dark mode, following the system's theme).
    /// </summary>
    [Parameter] public bool OmitStyles { get; set; }

    // BL0006 and ASP0006: this replays MudThemeProvider's render tree (its frames and their sequence numbers), which is
    // Blazor's internals; SharedThemeProviderTests compares the output with MudThemeProvider's in both modes, and a frame
    // that is not markup makes it render as MudThemeProvider does.
#pragma warning disable BL0006, ASP0006
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (OmitStyles)
        {
            return;
        }
        // A static render or a prerender runs no script, so what it shows follows from its parameters alone: the first
        // one's frames are replayed, and the theme is not built again for every page (2-3 % of a page's CPU under load).
        // MUD0010: the mode's state can differ from the parameter only once a circuit has run the system-theme script.
#pragma warning disable MUD0010
        var key = (Theme!, IsDarkMode, DefaultScrollbar);
#pragma warning restore MUD0010
        if (!RendererInfo.IsInteractive && Theme is not null && Static.TryGetValue(key, out var kept))
        {
            Replay(builder, kept);
            return;
        }

        using var own = new RenderTreeBuilder();
        base.BuildRenderTree(own);
        var frames = own.GetFrames();
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Array[i].FrameType != RenderTreeFrameType.Markup)
            {
                base.BuildRenderTree(builder);
                return;
            }
        }
        var shared = new (int Sequence, string Markup)[frames.Count];
        for (var i = 0; i < frames.Count; i++)
        {
            shared[i] = (frames.Array[i].Sequence, SharedCopy(frames.Array[i].MarkupContent));
            builder.AddMarkupContent(shared[i].Sequence, shared[i].Markup);
        }
        if (!RendererInfo.IsInteractive && Theme is not null && Static.Count < MaxShared)
        {
            Static.TryAdd(key, shared);
        }
    }

    /// <summary>
    /// The kept static render of <paramref name="theme"/> in this mode, once one was made: a static page shows it
    /// without a provider at all (constructing MudThemeProvider builds a default theme, parsing its colours: 2 % of a
    /// page's CPU). Null until a provider has rendered it statically.
    /// </summary>
    public static RenderFragment? KeptStaticRender(MudTheme theme, bool isDarkMode, bool defaultScrollbar = false) =>
        Static.TryGetValue((theme, isDarkMode, defaultScrollbar), out var kept) ? builder => Replay(builder, kept) : null;

    private static void Replay(RenderTreeBuilder builder, (int Sequence, string Markup)[] kept)
    {
        foreach (var (sequence, markup) in kept)
        {
            builder.AddMarkupContent(sequence, markup);
        }
    }
#pragma warning restore BL0006, ASP0006

    /// <summary>
    /// A static render or a prerender has no script to stop watching the system's theme: MudThemeProvider's disposal
    /// would call it anyway and catch the failure, two exceptions for every page served (about 1 % of a page's CPU).
    /// </summary>
    protected override ValueTask DisposeAsyncCore() =>
        RendererInfo.IsInteractive ? base.DisposeAsyncCore() : ValueTask.CompletedTask;

    private static string SharedCopy(string markup) =>
        Shared.TryGetValue(markup, out var shared) ? shared
        : Shared.Count < MaxShared ? Shared.GetOrAdd(markup, markup)
        : markup;
}
