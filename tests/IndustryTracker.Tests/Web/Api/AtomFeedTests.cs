using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IndustryTracker.Tests.Web.Api;

/// <summary>/feed.atom: valid Atom 1.0 (the RFC 4287 rules checked one by one) with the timeline's filters.</summary>
public sealed partial class AtomFeedTests : WebAppTest
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    private async Task<XDocument> GetFeedAsync(string url)
    {
        using var response = await Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        AssertValidAtom(feed);
        return feed;
    }

    private static List<string> EntryTitles(XDocument feed) => [.. feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)];

    [Fact]
    public async Task The_feed_is_valid_Atom_with_every_event_newest_first()
    {
        var feed = await GetFeedAsync("/feed.atom");

        Assert.Equal(
        [
            "second half of 2025: Baidu plans Ernie 5",
            "Feb. 24, 2025: Alibaba announces 380 billion yuan AI spending",
            "Mid-February, 2025: Tencent integrates DeepSeek into Weixin",
            "Jan. 20, 2025: DeepSeek releases R1",
            "January 2025: Alibaba Cloud launches Qwen2.5-Max",
        ], EntryTitles(feed));
        var weixin = feed.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value.Contains("Weixin", StringComparison.Ordinal));
        Assert.Equal("integration-adoption", weixin.Element(Atom + "category")!.Attribute("term")!.Value);
        Assert.Contains("In mid-February, Tencent integrated DeepSeek into Weixin", weixin.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.Contains($"#event-{EventId("Tencent integrates DeepSeek into Weixin")}", weixin.Elements(Atom + "link").Single().Attribute("href")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_accepts_the_timeline_filters_and_links_back_to_the_same_view()
    {
        var feed = await GetFeedAsync("/feed.atom?company=alibaba-group-holding-ltd&company=alibaba-cloud&category=product-launch");

        Assert.Equal(["January 2025: Alibaba Cloud launches Qwen2.5-Max"], EntryTitles(feed));
        var links = feed.Root!.Elements(Atom + "link").ToList();
        Assert.EndsWith("/feed.atom?company=alibaba-group-holding-ltd&company=alibaba-cloud&category=product-launch", links.Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.EndsWith("/timeline?company=alibaba-group-holding-ltd&company=alibaba-cloud&category=product-launch", links.Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.Contains("alibaba-group-holding-ltd", feed.Root.Element(Atom + "title")!.Value, StringComparison.Ordinal);

        Assert.Equal(["Feb. 24, 2025: Alibaba announces 380 billion yuan AI spending"], EntryTitles(await GetFeedAsync("/feed.atom?q=yuan&from=2025-02-01")));
    }

    [Fact]
    public async Task A_feed_without_matches_is_still_valid_Atom()
    {
        var feed = await GetFeedAsync("/feed.atom?company=nobody");

        Assert.Empty(feed.Root!.Elements(Atom + "entry"));
    }

    /// <summary>RFC 4287 §4.1: the element rules a validator checks, for the feed and each entry.</summary>
    private static void AssertValidAtom(XDocument document)
    {
        var feed = document.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.All(feed.Elements(), e => Assert.Equal(Atom, e.Name.Namespace));
        AssertOne(feed, "id");
        AssertOne(feed, "title");
        AssertOne(feed, "updated");
        AssertAbsoluteIri(feed.Element(Atom + "id")!.Value);
        AssertDate(feed.Element(Atom + "updated")!.Value);
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        AssertLinks(feed);
        var feedHasAuthor = feed.Elements(Atom + "author").Any(a => a.Element(Atom + "name") is { Value.Length: > 0 });

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            AssertOne(entry, "id");
            AssertOne(entry, "title");
            AssertOne(entry, "updated");
            Assert.True(entry.Elements(Atom + "summary").Count() <= 1);
            AssertAbsoluteIri(entry.Element(Atom + "id")!.Value);
            Assert.True(ids.Add(entry.Element(Atom + "id")!.Value), "entry ids are unique");
            AssertDate(entry.Element(Atom + "updated")!.Value);
            Assert.True(feedHasAuthor || entry.Elements(Atom + "author").Any(), "an author for every entry");
            Assert.True(entry.Element(Atom + "content") is not null || entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"),
                "an entry without content has an alternate link");
            AssertLinks(entry);
            foreach (var text in entry.Elements().Where(e => e.Name == Atom + "title" || e.Name == Atom + "summary"))
            {
                Assert.Contains((string?)text.Attribute("type") ?? "text", new[] { "text", "html", "xhtml" });
            }
            Assert.All(entry.Elements(Atom + "category"), c => Assert.False(string.IsNullOrEmpty((string?)c.Attribute("term"))));
        }
    }

    private static void AssertOne(XElement parent, string name) =>
        Assert.True(parent.Elements(Atom + name).Count() == 1, $"<{parent.Name.LocalName}> has exactly one <{name}>");

    private static void AssertAbsoluteIri(string value) =>
        Assert.True(Uri.TryCreate(value, UriKind.Absolute, out _), $"'{value}' is an absolute IRI");

    private static void AssertDate(string value)
    {
        Assert.Matches(Rfc3339(), value);
        Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    /// <summary>Every link has an href; at most one alternate link per type and hreflang.</summary>
    private static void AssertLinks(XElement parent)
    {
        var links = parent.Elements(Atom + "link").ToList();
        Assert.All(links, l => AssertAbsoluteIri((string?)l.Attribute("href") ?? string.Empty));
        var alternates = links.Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang"))).ToList();
        Assert.Equal(alternates.Count, alternates.Distinct().Count());
    }
}
