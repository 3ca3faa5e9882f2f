using System.Net;
using System.Text.Json;
using IndustryTracker.Core.Dates;
using IndustryTracker.Tests.Support;
using IndustryTracker.Tests.Web;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Review.FactWriterKit;

namespace IndustryTracker.Tests.Review;

/// <summary>/api/review (editors only), /api/valuations and confirmed=true, through the real app.</summary>
public sealed class ReviewApiTests : WebAppTest
{
    protected override bool UsesTestAuthentication => true;

    private HttpClient Signed(params string[] roles) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).ActingAs("ed@example.com", roles);

    private HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private async Task ImportMoonshotAsync() =>
        await WriteAsync(Database, "moonshot.txt", """
            Moonshot AI raises $500 million

            Moonshot AI raised $500 million led by IDG Capital, valuing the company at $4.3 billion.
            """, company =>
        {
            var (moonshot, idg) = (company("Moonshot AI"), company("IDG Capital"));
            return Facts([moonshot, idg],
                events: [Event("Moonshot AI raises $500 million", FuzzyDate.Day(new DateOnly(2026, 1, 5)), [moonshot], 1, "Moonshot AI raised $500 million", Low)],
                valuations: [Valuation(moonshot, 4_300_000_000m, "USD", "$4.3 billion", 1, "valuing the company at $4.3 billion", date: FuzzyDate.Day(new DateOnly(2026, 1, 5)))]);
        });

    [Fact]
    public async Task Review_is_for_editors_only_401_for_anonymous_and_403_without_the_role_and_nothing_changes()
    {
        await ImportMoonshotAsync();
        using var anonymous = Anonymous();
        using var reader = Signed();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/review", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/review", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/review/valuation-1/reject", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/review/valuation-1/reject", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/review/valuation-1/confirm", null, Ct)).StatusCode);

        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Valuations.CountAsync(Ct));
        Assert.Equal(0, await db.RejectedFacts.CountAsync(Ct));
        Assert.False(await db.Valuations.AnyAsync(v => v.ConfirmedAt != null, Ct));
    }

    [Fact]
    public async Task An_editor_lists_confirms_and_rejects_and_confirmed_true_then_finds_only_the_confirmed_fact()
    {
        await ImportMoonshotAsync();
        using var editor = Signed(Roles.Editor);

        var queue = await JsonOf(await editor.GetAsync("/api/review", Ct));
        Assert.Equal(2, queue.GetProperty("total").GetInt32());
        var ids = queue.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("kind").GetString()!, i => i.GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/review/{ids["valuation"]}/confirm", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/review/{ids["event"]}/reject", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync($"/api/review/{ids["event"]}/confirm", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync("/api/review/nonsense/confirm", null, Ct)).StatusCode);

        Assert.Equal(0, (await JsonOf(await editor.GetAsync("/api/review", Ct))).GetProperty("total").GetInt32());
        var confirmed = await JsonOf(await Client.GetAsync("/api/valuations?confirmed=true", Ct));
        Assert.Equal("$4.3 billion", Assert.Single(confirmed.GetProperty("items").EnumerateArray()).GetProperty("asReported").GetString());
        var events = await JsonOf(await Client.GetAsync("/api/events?confirmed=true", Ct));
        Assert.Empty(events.GetProperty("items").EnumerateArray());
        Assert.False((await Client.GetStringAsync("/api/events?pageSize=500", Ct)).Contains("Moonshot AI raises", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Valuations_api_filters_by_company_and_dates_pages_and_refuses_bad_input_with_a_clear_message()
    {
        await ImportMoonshotAsync();

        var moonshot = await JsonOf(await Client.GetAsync("/api/valuations?company=moonshot-ai&from=2026-01-01&to=2026-01-31", Ct));
        var item = Assert.Single(moonshot.GetProperty("items").EnumerateArray());
        Assert.Equal("Moonshot AI", item.GetProperty("company").GetString());
        Assert.Equal("moonshot.txt", Assert.Single(item.GetProperty("sources").EnumerateArray()).GetProperty("article").GetString());
        Assert.Equal(50, moonshot.GetProperty("pageSize").GetInt32());
        Assert.Empty((await JsonOf(await Client.GetAsync("/api/valuations?company=tencent", Ct))).GetProperty("items").EnumerateArray());
        Assert.Empty((await JsonOf(await Client.GetAsync("/api/valuations?to=2025-12-31", Ct))).GetProperty("items").EnumerateArray());

        using var bad = await Client.GetAsync("/api/valuations?from=yesterday&confirmed=maybe&pageSize=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var detail = (await JsonOf(bad)).GetProperty("detail").GetString()!;
        Assert.Contains("from 'yesterday' is not a date", detail, StringComparison.Ordinal);
        Assert.Contains("confirmed 'maybe' is not true or false", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/events?confirmed=maybe", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/investments?confirmed=yes", Ct)).StatusCode);
    }
}
