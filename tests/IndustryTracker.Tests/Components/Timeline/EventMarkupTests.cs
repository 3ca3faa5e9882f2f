using Bunit;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Web.Components.Pages.Timeline;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndustryTracker.Tests.Components.Timeline;

/// <summary>A reader's events show their kept HTML (EventMarkup): the same HTML, made once per row instance.</summary>
public sealed class EventMarkupTests : ComponentTestContext
{
    // Each test makes its own instances: kept HTML belongs to an instance, for the life of the process.
    private static EventDto Event(int id) => new(
        id,
        $"Tencent integrates DeepSeek into Weixin ({id})",
        "A summary with <angle brackets> & an ampersand",
        "integration-adoption",
        new DateDto("Mid-February, 2025", "2025-02-11", "2025-02-20", "part-of-month"),
        ["DeepSeek", "Tencent Holdings Ltd."],
        ["DeepSeek-R1"],
        "import",
        [new SourceDto("001_caixin.txt", 3, "Tencent integrated DeepSeek into Weixin")],
        SourceUrl: "https://example.com/a?b=1&c=2",
        IsPlanned: id % 2 == 0);

    private EventMarkup Markup => new(Services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

    // As a reader's page writes it: Blazor's static HTML renderer (bunit's markup decodes entities such as &#x2013;).
    private async Task<string> ListMarkupAsync(IReadOnlyList<EventDto> events, IReadOnlyDictionary<string, string>? titles = null)
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(EventList.Events)] = events, [nameof(EventList.ArticleTitles)] = titles });
            return (await renderer.RenderComponentAsync<EventList>(parameters)).ToHtmlString();
        });
    }

    [Fact]
    public async Task A_kept_event_renders_the_same_html_as_one_built_in_the_page()
    {
        var events = new[] { Event(1), Event(2), Event(3) };
        var titles = new Dictionary<string, string> { ["001_caixin.txt"] = "Caixin: Tencent & DeepSeek" };
        var built = await ListMarkupAsync(events, titles);
        Assert.All(events, e => Assert.Null(EventMarkup.Find(e, titles)));

        await Markup.KeepAsync(events, titles);

        Assert.All(events, e => Assert.NotNull(EventMarkup.Find(e, titles)));
        Assert.Equal(built, await ListMarkupAsync(events, titles));
        Assert.Equal(3, Render<EventList>(p => p.Add(c => c.Events, events).Add(c => c.ArticleTitles, titles)).FindAll("article.timeline-event").Count);
        Assert.Contains("&lt;angle brackets&gt; &amp; an ampersand", built, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_events_html_is_made_once_for_its_instance_and_again_for_a_new_instance_or_other_titles()
    {
        var item = Event(4);
        await Markup.KeepAsync([item]);
        var kept = EventMarkup.Find(item, null)!.Value.Value;

        await Markup.KeepAsync([item]);
        Assert.Same(kept, EventMarkup.Find(item, null)!.Value.Value);

        // A row read again after a write is a new instance, even when nothing shown changed: it gets HTML of its own.
        var readAgain = item with { Title = "Renamed" };
        Assert.Null(EventMarkup.Find(readAgain, null));
        await Markup.KeepAsync([readAgain]);
        Assert.Contains("Renamed", EventMarkup.Find(readAgain, null)!.Value.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed", kept, StringComparison.Ordinal);

        // The titles of the cited articles are part of it: other titles, other HTML.
        var titles = new Dictionary<string, string> { ["001_caixin.txt"] = "Caixin" };
        Assert.Null(EventMarkup.Find(item, titles));
        await Markup.KeepAsync([item], titles);
        Assert.Contains("Caixin", EventMarkup.Find(item, titles)!.Value.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_makes_html_from_the_apps_root_services_where_scoped_services_are_checked()
    {
        // As the app registers it (a singleton), in Development, where resolving a scoped service from the root fails.
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        var environment = new DevelopmentEnvironment();
        services.AddSingleton<IHostEnvironment>(environment).AddSingleton<IWebHostEnvironment>(environment);
        services.AddRazorComponents();
        services.AddSingleton<EventMarkup>();
        await using var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var item = Event(7);

        await root.GetRequiredService<EventMarkup>().KeepAsync([item]);

        Assert.Contains("Tencent integrates DeepSeek into Weixin (7)", EventMarkup.Find(item, null)!.Value.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_still_gets_edit_links_on_kept_events()
    {
        AddAuthorization().SetAuthorized("editor@example.com").SetPolicies(Policies.CanEdit);
        var events = new[] { Event(5), Event(6) };
        await Markup.KeepAsync(events);

        var cut = Render<EventList>(p => p.Add(c => c.Events, events));

        Assert.Equal(["events/5/edit", "events/6/edit"], cut.FindAll("a.edit-link").Select(a => a.GetAttribute("href")));
    }

    private sealed class DevelopmentEnvironment : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "IndustryTracker.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string WebRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    }
}
