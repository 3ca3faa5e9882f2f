using Bunit;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Components.Shared;

/// <summary>FuzzyDateLabel, DownloadLinks, RedirectToLogin and AccountStatus.</summary>
public sealed class SmallSharedComponentsTests : ComponentTestContext
{
    [Fact]
    public void A_fuzzy_date_shows_the_words_as_written_its_precision_and_the_days_it_covers()
    {
        var cut = Render<FuzzyDateLabel>(p => p.Add(c => c.Date, new DateDto("Late February 2025", "2025-02-21", "2025-02-28", "part-of-month")));

        Assert.Equal(("2025-02-21", "Late February 2025"), (cut.Find("time").GetAttribute("datetime"), cut.Find("time").TextContent));
        Assert.Equal("Part of month", cut.Find("[data-precision='part-of-month']").TextContent);
        Assert.Equal("2025-02-21 – 2025-02-28", cut.Find(".date-range").TextContent);
    }

    [Fact]
    public void Download_links_show_only_the_formats_given()
    {
        var cut = Render<DownloadLinks>(p => p.Add(c => c.Csv, "api/events.csv?company=tencent").Add(c => c.Feed, "feed.atom?company=tencent"));

        Assert.Equal("api/events.csv?company=tencent", cut.Find("#export-csv").GetAttribute("href"));
        Assert.True(cut.Find("#export-csv").HasAttribute("download"));
        Assert.Empty(cut.FindAll("#export-json"));
        Assert.Equal("_blank", cut.Find("#export-feed").GetAttribute("target"));
    }

    [Fact]
    public void A_protected_page_sends_the_visitor_to_sign_in_and_back()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("events/12/edit?from=timeline");

        Render<RedirectToLogin>();

        Assert.Equal("http://localhost/login?returnUrl=%2Fevents%2F12%2Fedit%3Ffrom%3Dtimeline", navigation.Uri);
    }

    [Fact]
    public void The_account_corner_offers_sign_in_to_readers_as_a_full_page_load_and_shows_the_email_and_sign_out_to_editors()
    {
        var authorization = AddAuthorization();
        Services.GetRequiredService<NavigationManager>().NavigateTo("timeline");
        var reader = Render<AccountStatus>();
        Assert.Equal("login?returnUrl=%2Ftimeline", reader.Find("#sign-in").GetAttribute("href"));
        Assert.Equal("false", reader.Find("#sign-in").GetAttribute("data-enhance-nav"));
        Assert.Empty(reader.FindAll("#sign-out"));

        authorization.SetAuthorized("editor@example.com");
        var editor = Render<AccountStatus>();
        Assert.Equal("editor@example.com", editor.Find("#account-email").TextContent);
        var form = editor.Find("form.sign-out-form");
        Assert.Equal(("post", "logout"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("/timeline", editor.Find("input[name=returnUrl]").GetAttribute("value"));
    }
}
