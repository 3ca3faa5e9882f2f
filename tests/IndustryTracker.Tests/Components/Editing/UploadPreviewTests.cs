using Bunit;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Import;
using IndustryTracker.Web.Components.Pages.Sources;

namespace IndustryTracker.Tests.Components.Editing;

public sealed class UploadPreviewTests : ComponentTestContext
{
    private static readonly ImportPreview Found = new("assistants.txt", ImportOutcome.Imported, null)
    {
        Title = "Tencent and Baidu ship new assistants",
        Paragraphs = 3,
        Companies = [new("Tencent", false, "tencent", []), new("NewCo", true, null, [])],
        Models = [new("Hunyuan", false, "Tencent", [])],
        Events = [new("Tencent launches an assistant", new DateDto("March 3, 2025", "2025-03-03", "2025-03-03", "day"), "product-launch", ["Tencent"], [], [new(1, "On March 3, 2025, Tencent launched")])],
    };

    [Fact]
    public void Lists_what_the_importer_found_with_new_and_known_marked_and_quotes_by_paragraph()
    {
        var cut = Render<UploadPreview>(p => p.Add(c => c.Preview, Found));

        Assert.Equal("Tencent and Baidu ship new assistants", cut.Find("#preview-title").TextContent);
        Assert.Equal("3", cut.Find("#preview-paragraphs").TextContent);
        Assert.Equal(["false", "true"], cut.FindAll("#preview-companies li").Select(li => li.GetAttribute("data-new")));
        Assert.Contains("new", cut.Find("#preview-companies li[data-new='true']").TextContent, StringComparison.Ordinal);
        Assert.Equal("¶1: On March 3, 2025, Tencent launched", cut.Find("#preview-events blockquote").TextContent);
    }

    [Fact]
    public void Confirm_and_discard_call_back()
    {
        var (confirmed, discarded) = (0, 0);
        var cut = Render<UploadPreview>(p => p.Add(c => c.Preview, Found)
            .Add(c => c.OnConfirm, () => confirmed++)
            .Add(c => c.OnDiscard, () => discarded++));

        cut.Find("#upload-confirm").Click();
        cut.Find("#upload-discard").Click();

        Assert.Equal((1, 1), (confirmed, discarded));
    }

    [Fact]
    public void A_rejected_article_shows_the_reason_and_offers_only_discard()
    {
        var cut = Render<UploadPreview>(p => p.Add(c => c.Preview, ImportPreview.Rejected("empty.txt", "The file is empty.")));

        Assert.Equal("The file is empty.", cut.Find("#upload-error").TextContent.Trim());
        Assert.Empty(cut.FindAll("#upload-confirm"));
        Assert.NotNull(cut.Find("#upload-discard"));
    }

    [Fact]
    public void Already_imported_content_links_to_the_article()
    {
        var cut = Render<UploadPreview>(p => p.Add(c => c.Preview, new ImportPreview("a.txt", ImportOutcome.Unchanged, null) { ExistingArticleId = 17, Title = "Old" }));

        Assert.Equal("sources/17", cut.Find("#upload-duplicate a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("#upload-confirm"));
    }
}
