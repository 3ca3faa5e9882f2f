using Bunit;
using IndustryTracker.Core.History;
using IndustryTracker.Web.Components.Pages.Companies;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IndustryTracker.Tests.Components.Editing;

/// <summary>The merge preview opens in a MudDialog through IDialogService and answers Merge or Cancel.</summary>
public sealed class MergePreviewDialogTests : ComponentTestContext
{
    private static readonly MergePreview Preview = new("Tencent", "tencent", "Tencent Holdings", "tencent-holdings", 2, 0, 1, 3, 1, 5);

    private async Task<(IRenderedComponent<MudProviders> Providers, IDialogReference Dialog)> OpenAsync(IRenderedComponent<MudProviders>? rendered = null)
    {
        var providers = rendered ?? RenderProviders();
        var service = Services.GetRequiredService<IDialogService>();
        var dialog = await providers.InvokeAsync(() => service.ShowAsync<MergePreviewDialog>(null,
            new DialogParameters<MergePreviewDialog> { { d => d.Preview, Preview } }));
        return (providers, dialog);
    }

    [Fact]
    public async Task Shows_what_would_move_before_anything_moves()
    {
        var (providers, _) = await OpenAsync();

        providers.WaitForAssertion(() => Assert.Equal("Merge Tencent Holdings into Tencent?", providers.Find("#merge-confirm-heading").TextContent.Trim()));
        var counts = providers.FindAll("#merge-counts li").ToDictionary(li => li.GetAttribute("data-count")!, li => li.TextContent.Trim());
        Assert.Equal("2 aliases", counts["aliases"]);
        Assert.Equal("0 subsidiaries", counts["subsidiaries"]);
        Assert.Equal("1 event", counts["events"]);
        Assert.Equal("5 source quotes", counts["mentions"]);
        Assert.Equal("Merge Tencent Holdings", providers.Find("#merge-confirm").TextContent.Trim());
    }

    [Fact]
    public async Task Merge_closes_the_dialog_with_ok_and_cancel_with_canceled()
    {
        var (providers, dialog) = await OpenAsync();
        providers.WaitForElement("#merge-confirm").Click();
        var merged = await dialog.Result;
        Assert.False(merged!.Canceled);
        Assert.Equal(true, merged.Data);
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#merge-dialog")));

        var (again, second) = await OpenAsync(providers);
        again.WaitForElement("#merge-cancel").Click();
        Assert.True((await second.Result)!.Canceled);
    }
}
