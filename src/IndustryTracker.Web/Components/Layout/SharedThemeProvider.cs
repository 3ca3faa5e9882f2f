using System.Collections.Concurrent;
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

    // BL0006 and ASP0006: this replays MudThemeProvider's render tree (its frames and their sequence numbers), which is
    // Blazor's internals; SharedThemeProviderTests compares the output with MudThemeProvider's in both modes, and a frame
    // that is not markup makes it render as MudThemeProvider does.
#pragma warning disable BL0006, ASP0006
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
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
        for (var i = 0; i < frames.Count; i++)
        {
            builder.AddMarkupContent(frames.Array[i].Sequence, SharedCopy(frames.Array[i].MarkupContent));
        }
    }
#pragma warning restore BL0006, ASP0006

    private static string SharedCopy(string markup) =>
        Shared.TryGetValue(markup, out var shared) ? shared
        : Shared.Count < MaxShared ? Shared.GetOrAdd(markup, markup)
        : markup;
}
