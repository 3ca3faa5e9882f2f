using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryTracker.Core.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Web.Editing;

public sealed class CompanyEditingApiTests : EditingWebTest
{
    private static CompanyEdit DeepSeekEdit(string name = "DeepSeek AI", string? parent = null) => new(
        name, "model-developer", "China", "Hangzhou", "May 2023", parent, "Reasoning models from Hangzhou.",
        [new CompanyAliasInput("Hangzhou DeepSeek Artificial Intelligence", "alias"), new CompanyAliasInput("DS", "abbreviation")]);

    private static async Task<string> ETagAsync(HttpClient client, string slug)
    {
        using var response = await client.GetAsync($"/api/companies/{slug}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("GET has no ETag");
    }

    private static HttpRequestMessage Put(string slug, CompanyEdit edit, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/companies/{slug}") { Content = JsonContent.Create(edit) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    private async Task<Company> CompanyAsync(string slug)
    {
        await using var db = Database.CreateContext();
        return await db.Companies.Include(c => c.Parent).SingleAsync(c => c.Slug == slug, Ct);
    }

    [Fact]
    public async Task A_put_with_the_current_etag_saves_every_field_keeps_the_slug_and_stamps_the_editor()
    {
        using var client = Editor();
        var etag = await ETagAsync(client, "deepseek");
        Assert.Equal("W/\"1\"", etag);

        using var response = await client.SendAsync(Put("deepseek", DeepSeekEdit(parent: "alibaba-group-holding-ltd"), etag), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"2\"", response.Headers.ETag?.ToString());
        var company = await CompanyAsync("deepseek");
        Assert.Equal("DeepSeek AI", company.Name);
        Assert.Equal("May 2023", company.Founded?.Label);
        Assert.Equal(new DateOnly(2023, 5, 1), company.Founded?.Start);
        Assert.Equal("Alibaba Group Holding Ltd.", company.Parent?.Name);
        Assert.Equal(["DS", "Hangzhou DeepSeek Artificial Intelligence"], company.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(AliasKind.Abbreviation, company.Aliases.Single(a => a.Name == "DS").Kind);
        Assert.Equal(EditorName, company.UpdatedBy);
        Assert.Equal(2, company.Version);
        Assert.Equal(etag.Replace("1", "2", StringComparison.Ordinal), await ETagAsync(client, "deepseek"));
    }

    [Fact]
    public async Task A_stale_if_match_gets_409_with_the_current_company_and_changes_nothing()
    {
        using var client = Editor();
        var etag = await ETagAsync(client, "tencent");
        using (var first = await client.SendAsync(Put("tencent", new CompanyEdit("Tencent Holdings", "big-tech", "China", "Shenzhen", null, null, null, []), etag), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var stale = await client.SendAsync(Put("tencent", new CompanyEdit("Tencent", "other", null, null, null, null, null, []), etag), Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("The company was changed by someone else.", problem.GetProperty("title").GetString());
        Assert.Equal("W/\"2\"", stale.Headers.ETag?.ToString());
        var current = problem.GetProperty("current");
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal(EditorName, current.GetProperty("updatedBy").GetString());
        Assert.Equal("Tencent Holdings", current.GetProperty("company").GetProperty("name").GetString());
        var company = await CompanyAsync("tencent");
        Assert.Equal("Tencent Holdings", company.Name);
        Assert.Equal(CompanyCategory.BigTech, company.Category);
        Assert.Empty(company.Aliases);
    }

    [Fact]
    public async Task A_put_without_if_match_gets_428()
    {
        using var client = Editor();

        using var response = await client.SendAsync(Put("deepseek", DeepSeekEdit(), null), Ct);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("DeepSeek", (await CompanyAsync("deepseek")).Name);
    }

    public static TheoryData<string, CompanyEdit, string> InvalidEdits => new()
    {
        { "alibaba-cloud", new CompanyEdit("  ", "cloud-maas", null, null, null, null, null, []), "name" },
        { "alibaba-cloud", new CompanyEdit("Alibaba Cloud", "cloud-maas", null, null, null, "no-such-company", null, []), "parent" },
        { "alibaba-group-holding-ltd", new CompanyEdit("Alibaba Group Holding Ltd.", "big-tech", null, null, null, "alibaba-cloud", null, []), "parent" },
        { "baidu", new CompanyEdit("Baidu", "big-tech", null, null, null, "baidu", null, []), "parent" },
        { "baidu", new CompanyEdit("Baidu", "galaxy-brain", null, null, null, null, null, []), "category" },
        { "baidu", new CompanyEdit("Baidu", "big-tech", null, null, "someday soon-ish", null, null, []), "founded" },
        { "baidu", new CompanyEdit("Tencent", "big-tech", null, null, null, null, null, []), "name" },
        { "baidu", new CompanyEdit("Baidu", "big-tech", null, null, null, null, null, [new CompanyAliasInput("Aliyun", "alias")]), "aliases" },
        { "baidu", new CompanyEdit("Baidu", "big-tech", null, null, null, null, null, [new CompanyAliasInput("BD", "nickname")]), "aliases" },
    };

    [Theory]
    [MemberData(nameof(InvalidEdits))]
    public async Task Invalid_edits_get_400_with_the_field_key_and_change_nothing(string slug, CompanyEdit edit, string field)
    {
        using var client = Editor();
        var before = await RowCountsAsync();
        var original = await CompanyAsync(slug);
        var etag = await ETagAsync(client, slug);

        using var response = await client.SendAsync(Put(slug, edit, etag), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        var after = await CompanyAsync(slug);
        Assert.Equal((original.Name, original.Version, original.ParentId, original.Category), (after.Name, after.Version, after.ParentId, after.Category));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Anonymous_puts_get_401_and_readers_403_and_nothing_changes()
    {
        using var anonymous = Anonymous();
        using var reader = Reader();

        using var a = await anonymous.SendAsync(Put("deepseek", DeepSeekEdit(), "W/\"1\""), Ct);
        using var r = await reader.SendAsync(Put("deepseek", DeepSeekEdit(), "W/\"1\""), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var company = await CompanyAsync("deepseek");
        Assert.Equal(("DeepSeek", 1), (company.Name, company.Version));
    }

    [Fact]
    public async Task The_editor_service_reports_a_conflict_when_another_save_lands_between_load_and_save()
    {
        var editor = App.Services.GetRequiredService<CompanyEditor>();
        var loaded = await editor.LoadAsync("baidu", Ct);
        Assert.NotNull(loaded);
        var theirs = await editor.SaveAsync("baidu", loaded.Company with { Summary = "Search giant." }, loaded.Version, "other@example.com", Ct);
        Assert.Equal(CompanySaveStatus.Saved, theirs.Status);

        var mine = await editor.SaveAsync("baidu", loaded.Company with { Country = "PRC" }, loaded.Version, EditorName, Ct);

        Assert.Equal(CompanySaveStatus.Conflict, mine.Status);
        Assert.Equal(("other@example.com", "Search giant.", "China"), (mine.Current!.UpdatedBy, mine.Current.Company.Summary, mine.Current.Company.Country));
    }
}
