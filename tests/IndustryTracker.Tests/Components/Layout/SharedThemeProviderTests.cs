using System.Reflection;
using Bunit;
using IndustryTracker.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace IndustryTracker.Tests.Components.Layout;

/// <summary>The theme provider every circuit shares its style sheets through renders exactly what MudThemeProvider renders, in each mode.</summary>
public sealed class SharedThemeProviderTests : ComponentTestContext
{
    // As in a circuit, where each page keeps its render tree; the static test below says so itself.
    public SharedThemeProviderTests() => Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void It_renders_what_MudThemeProvider_renders(bool dark)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, dark));
        var shared = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, dark));
        var again = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, dark));

        Assert.Contains(dark ? AppTheme.Theme.PaletteDark.Background.ToString() : AppTheme.Theme.PaletteLight.Background.ToString(), mud.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(mud.Markup, shared.Markup);
        Assert.Equal(mud.Markup, again.Markup);
    }

    [Fact]
    public void Two_pages_keep_one_copy_of_the_style_sheet_where_MudThemeProvider_keeps_two()
    {
        var first = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, true));
        var second = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, true));
        var mudFirst = Render<MudThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, true));
        var mudSecond = Render<MudThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, true));

        Assert.Same(StyleSheet(first), StyleSheet(second));
        Assert.NotSame(StyleSheet(mudFirst), StyleSheet(mudSecond));
        Assert.Equal(StyleSheet(mudFirst), StyleSheet(first));
    }

    [Fact]
    public void Switching_the_mode_renders_the_other_palette()
    {
        var cut = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, false));
        var light = cut.Markup;

        cut.Render(p => p.Add(c => c.IsDarkMode, true));

        Assert.NotEqual(light, cut.Markup);
        Assert.Equal(Render<MudThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, true)).Markup, cut.Markup);
    }

    [Fact]
    public void A_provider_whose_page_shows_the_theme_renders_no_style_sheets_until_it_is_told_otherwise()
    {
        var cut = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, true).Add(c => c.OmitStyles, true));

        Assert.Empty(cut.Markup);

        cut.Render(p => p.Add(c => c.OmitStyles, false));

        Assert.Equal(Render<MudThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, true)).Markup, cut.Markup);
    }

    [Fact]
    public void Static_renders_replay_a_kept_render_and_still_follow_the_mode_and_the_scrollbar()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        foreach (var (dark, scrollbar) in new[] { (false, false), (true, false), (false, false), (true, true), (true, false), (false, true) })
        {
            var mud = Render<MudThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, dark).Add(c => c.DefaultScrollbar, scrollbar));
            var shared = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme).Add(c => c.IsDarkMode, dark).Add(c => c.DefaultScrollbar, scrollbar));
            Assert.Equal(mud.Markup, shared.Markup);
        }
    }

    [Fact]
    public void A_static_render_replays_the_first_render_of_its_theme_rather_than_building_it_again()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var theme = new MudTheme(); // its own key: no other test renders it
        var first = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, theme)).Markup;

        // A theme is not changed once shown; this one is, only to tell a replay from a fresh build.
        theme.PaletteLight.Primary = "#123456";

        Assert.NotEqual(first, Render<MudThemeProvider>(p => p.Add(c => c.Theme, theme)).Markup); // built again: changed
        Assert.Equal(first, Render<SharedThemeProvider>(p => p.Add(c => c.Theme, theme)).Markup); // replayed
    }

    [Fact]
    public void Once_a_theme_was_rendered_statically_a_static_page_shows_it_without_a_provider()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var theme = new MudTheme(); // its own key: no other test renders it
        Assert.Null(SharedThemeProvider.KeptStaticRender(theme, isDarkMode: true));

        var first = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, theme).Add(c => c.IsDarkMode, true)).Markup;

        var kept = SharedThemeProvider.KeptStaticRender(theme, isDarkMode: true);
        Assert.NotNull(kept);
        Assert.Equal(first, Render(kept).Markup);
        Assert.Null(SharedThemeProvider.KeptStaticRender(theme, isDarkMode: false)); // the other mode was never shown
    }

    [Fact]
    public async Task Only_a_circuits_provider_stops_watching_the_systems_theme_when_it_goes()
    {
        // A static render has no script to call: MudThemeProvider would call it anyway and catch the failure.
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme));
        await DisposeComponentsAsync();
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "mudThemeProvider.stopWatchingDarkMode");

        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<SharedThemeProvider>(p => p.Add(c => c.Theme, AppTheme.Theme));
        await DisposeComponentsAsync();
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "mudThemeProvider.stopWatchingDarkMode");
    }

    /// <summary>The longest markup the component's render tree keeps: the theme's CSS variables.</summary>
#pragma warning disable BL0006 // reading the kept render tree is what this test is about
    private string StyleSheet<TComponent>(IRenderedComponent<TComponent> component) where TComponent : IComponent
    {
        // Renderer.GetCurrentRenderTreeFrames is protected: the tree a component keeps is not public API.
        var frames = (ArrayRange<RenderTreeFrame>)typeof(Renderer)
            .GetMethod("GetCurrentRenderTreeFrames", BindingFlags.Instance | BindingFlags.NonPublic)!
            .Invoke(Renderer, [component.ComponentId])!;
        var longest = "";
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Array[i].FrameType == RenderTreeFrameType.Markup && frames.Array[i].MarkupContent.Length > longest.Length)
            {
                longest = frames.Array[i].MarkupContent;
            }
        }
        return longest;
    }
#pragma warning restore BL0006
}
