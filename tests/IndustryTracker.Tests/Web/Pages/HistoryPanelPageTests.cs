using System.Net;
using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.History.HistoryTestKit;

namespace IndustryTracker.Tests.Web.Pages;

/// <summary>The History tab and the merge action, as the prerendered pages show them to editors and to everyone else.</summary>
public sealed class HistoryPanelPageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerWebApplicationFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestData.CreateDatabaseAsync();
        _factory = new TrackerWebApplicationFactory(_database, testAuthentication: true);
        await using var db = _database.CreateContext();
        db.Actor = Editor;
        (await db.Companies.SingleAsync(c => c.Slug == "deepseek", Ct)).Summary = "Edited <b>summary</b>";
        (await db.AiModels.SingleAsync(m => m.Slug == "deepseek-r1", Ct)).Status = Core.AiModels.AiModelStatus.Announced;
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string> PageAsync(string path, bool editor)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (editor)
        {
            client.ActingAs(Editor, Roles.Editor);
        }
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Editors_see_the_company_history_with_revert_buttons_and_the_merge_action()
    {
        var html = await PageAsync("/companies/deepseek", editor: true);

        Assert.Contains("id=\"history-panel\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"history-field\">summary</td>", html, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"history-new\">Edited &lt;b&gt;summary&lt;/b&gt;</ins>", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"history-actor\">{Editor}</td>", html, StringComparison.Ordinal);
        Assert.Contains("revert-entry", html, StringComparison.Ordinal);
        Assert.Contains("id=\"merge-duplicate\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_see_neither_history_nor_merge()
    {
        foreach (var path in new[] { "/companies/deepseek", "/models/deepseek-r1", "/investments?history=1" })
        {
            var html = await PageAsync(path, editor: false);
            Assert.DoesNotContain("history-panel", html, StringComparison.Ordinal);
            Assert.DoesNotContain(Editor, html, StringComparison.Ordinal);
            Assert.DoesNotContain("merge-duplicate", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Editors_see_model_and_investment_history()
    {
        var model = await PageAsync("/models/deepseek-r1", editor: true);
        int investmentId;
        await using (var db = _database.CreateContext())
        {
            investmentId = await db.Investments.Where(i => i.RoundLabel == "Series A").Select(i => i.Id).SingleAsync(Ct);
        }
        var investments = await PageAsync($"/investments?history={investmentId}", editor: true);

        Assert.Contains("<td class=\"history-field\">status</td>", model, StringComparison.Ordinal);
        Assert.Contains("id=\"history-panel\" data-entity=\"investment\"", investments, StringComparison.Ordinal);
        Assert.Contains("<td class=\"history-field\">record</td>", investments, StringComparison.Ordinal);
        Assert.Contains("class=\"investment-history-link\"", investments, StringComparison.Ordinal);
    }
}
