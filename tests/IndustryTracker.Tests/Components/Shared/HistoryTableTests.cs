using Bunit;
using IndustryTracker.Core.History;
using IndustryTracker.Web.Components.Shared;

namespace IndustryTracker.Tests.Components.Shared;

public sealed class HistoryTableTests : ComponentTestContext
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 30, 0, TimeSpan.Zero);

    private static HistoryEntryDto Entry(long id, string field, string? old, string? now, string kind = "updated", bool canRevert = true, int? mergeId = null) =>
        new(id, Guid.NewGuid(), "company", 7, "Tencent", field, old, now, old, now, kind, "editor@example.com", At, mergeId, canRevert);

    [Fact]
    public void Shows_who_changed_what_from_old_to_new_and_reverts_the_chosen_entry()
    {
        HistoryEntryDto? reverted = null;
        var name = Entry(1, "name", "Tencent", "Tencent Holdings");
        var cut = Render<HistoryTable>(p => p
            .Add(c => c.Entries, [name, Entry(2, "country", null, "China", canRevert: false)])
            .Add(c => c.OnRevert, entry => reverted = entry));

        var first = cut.Find("tr[data-entry-id='1']");
        Assert.Equal("editor@example.com", first.QuerySelector(".history-actor")!.TextContent);
        Assert.Equal("Tencent", first.QuerySelector("del")!.TextContent);
        Assert.Equal("Tencent Holdings", first.QuerySelector("ins")!.TextContent);
        Assert.Equal("2025-03-01 12:30 UTC", first.QuerySelector("time")!.TextContent);
        Assert.Equal("(empty)", cut.Find("tr[data-entry-id='2'] del").TextContent);
        Assert.Empty(cut.FindAll("tr[data-entry-id='2'] button"));

        cut.Find("button[aria-label='Revert name to Tencent']").Click();

        Assert.Same(name, reverted);
    }

    [Fact]
    public void The_newest_merge_gets_the_undo_button_and_reports_its_merge_id()
    {
        int? undone = null;
        var cut = Render<HistoryTable>(p => p
            .Add(c => c.Entries, [Entry(5, "merge", null, "Merged Tencent Cloud", kind: "merged", canRevert: false, mergeId: 12),
                                  Entry(3, "merge", null, "Merged QQ", kind: "merged", canRevert: false, mergeId: 9)])
            .Add(c => c.OnUndoMerge, id => undone = id));

        Assert.Equal("12", cut.Find("#undo-merge").GetAttribute("data-merge-id"));
        Assert.NotNull(cut.Find("#undo-merge-9"));
        cut.Find("#undo-merge").Click();

        Assert.Equal(12, undone);
    }

    [Fact]
    public void Busy_disables_every_action_and_an_empty_history_says_so()
    {
        var busy = Render<HistoryTable>(p => p.Add(c => c.Entries, [Entry(1, "name", "A", "B")]).Add(c => c.Busy, true));
        Assert.True(busy.Find("#revert-1").HasAttribute("disabled"));

        var empty = Render<HistoryTable>(p => p.Add(c => c.Entries, []));
        Assert.Equal("No changes recorded.", empty.Find(".empty").TextContent.Trim());
    }
}
