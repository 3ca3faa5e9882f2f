using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace IndustryTracker.Tests.Components;

/// <summary>
/// The base of every component test: a bunit context with MudBlazor's services and a loose JS runtime (MudBlazor calls
/// JS for focus, popovers and resize observers; those calls return defaults here). xunit disposes the context per test.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>
    /// Renders MudBlazor's popover, dialog and snackbar hosts, as MainLayout does in the app, so autocomplete lists,
    /// dialogs and snackbars a component opens appear in the returned markup.
    /// </summary>
    protected IRenderedComponent<MudProviders> RenderProviders() => Render<MudProviders>();

    /// <summary>The three providers in one component, so one rendered root shows their content.</summary>
    public sealed class MudProviders : Microsoft.AspNetCore.Components.ComponentBase
    {
        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
        }
    }
}
