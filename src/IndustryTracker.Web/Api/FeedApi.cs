using System.Globalization;
using System.Text;
using System.Xml;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Queries;
using IndustryTracker.Web.Components.Shared;
using IndustryTracker.Web.Startup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryTracker.Web.Api;

/// <summary>
/// An Atom 1.0 feed (RFC 4287) of timeline events at /feed.atom, newest first, accepting the timeline's filters, so a
/// reader can subscribe to "Alibaba events": /feed.atom?company=alibaba-group-holding-ltd.
/// </summary>
public static class FeedApi
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const int MaxEntries = 100;

    public static IEndpointRouteBuilder MapFeed(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/feed.atom", FeedAsync)
            .WithTags("Events", "Export")
            .WithName("EventsFeed")
            .WithSummary($"Atom feed of the newest {MaxEntries} matching events (the timeline's filters)")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .ProducesValidationProblem();
        return routes;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> FeedAsync(
        EventQueries queries,
        HttpRequest request,
        TimeProvider time,
        [Microsoft.AspNetCore.Http.AsParameters] EventFilterParameters filters,
        CancellationToken cancellationToken)
    {
        var parsing = new QueryParsing();
        var query = filters.ToQuery(parsing);
        if (parsing.HasErrors)
        {
            return parsing.Problem("event");
        }
        query = query with { Page = 1, PageSize = EventQuery.DefaultPageSize };
        var events = await queries.AllAsync(query, MaxEntries, newestFirst: true, cancellationToken);
        var updated = await queries.UpdatedAtAsync([.. events.Select(e => e.Id)], cancellationToken);
        var baseUri = request.PublicBaseUri();
        var self = baseUri + "feed.atom" + request.QueryString;
        var timeline = baseUri + "timeline" + TimelineQuery(request);
        var feedUpdated = updated.Count > 0 ? updated.Values.Max() : time.GetUtcNow();
        return TypedResults.File(Write(events, updated, baseUri, self, timeline, Title(query), feedUpdated), ContentType);
    }

    /// <summary>The timeline page's query string for the same filters (paging dropped).</summary>
    private static string TimelineQuery(HttpRequest request)
    {
        var kept = request.Query.Where(p => p.Key is not ("page" or "pageSize"))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .ToList();
        return kept.Count == 0 ? string.Empty : "?" + string.Join("&", kept);
    }

    private static string Title(EventQuery query)
    {
        var parts = new List<string>();
        if (query.Companies.Count > 0)
        {
            parts.Add(string.Join(", ", query.Companies));
        }
        if (query.Categories.Count > 0)
        {
            parts.Add(string.Join(", ", query.Categories.Select(EnumNames.Display)));
        }
        if (query.Models.Count > 0)
        {
            parts.Add(string.Join(", ", query.Models));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            parts.Add($"“{query.Q.Trim()}”");
        }
        if (query.From is not null || query.To is not null)
        {
            parts.Add($"{query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} to {query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}");
        }
        return parts.Count == 0 ? "IndustryTracker: events" : $"IndustryTracker: events ({string.Join("; ", parts)})";
    }

    private static byte[] Write(
        IReadOnlyList<EventDto> events,
        IReadOnlyDictionary<int, DateTimeOffset> updated,
        string baseUri,
        string self,
        string timeline,
        string title,
        DateTimeOffset feedUpdated)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, XmlText.Clean(self));
            xml.WriteElementString("title", AtomNamespace, XmlText.Clean(title));
            xml.WriteElementString("updated", AtomNamespace, Rfc3339(feedUpdated));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", timeline, "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "IndustryTracker");
            xml.WriteEndElement();
            xml.WriteStartElement("generator", AtomNamespace);
            xml.WriteString("IndustryTracker");
            xml.WriteEndElement();

            foreach (var item in events)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, $"{baseUri}events/{item.Id.ToString(CultureInfo.InvariantCulture)}");
                xml.WriteElementString("title", AtomNamespace, XmlText.Clean($"{item.Date.Label}: {item.Title}"));
                xml.WriteElementString("updated", AtomNamespace, Rfc3339(updated.TryGetValue(item.Id, out var at) ? at : feedUpdated));
                Link(xml, "alternate", baseUri + Core.Queries.SourceQueries.EventHref(item.Id, DateOnly.Parse(item.Date.Start, CultureInfo.InvariantCulture), DateOnly.Parse(item.Date.End, CultureInfo.InvariantCulture)), "text/html");
                xml.WriteStartElement("category", AtomNamespace);
                xml.WriteAttributeString("term", XmlText.Clean(item.Category));
                xml.WriteAttributeString("label", XmlText.Clean(Display.Words(item.Category)));
                xml.WriteEndElement();
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(XmlText.Clean(Summary(item)));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static string Summary(EventDto item)
    {
        var text = new StringBuilder();
        text.Append(item.Date.Label).Append(" (").Append(Display.Range(item.Date)).Append("). ");
        if (!string.IsNullOrWhiteSpace(item.Summary))
        {
            text.Append(item.Summary.Trim()).Append(' ');
        }
        if (item.Companies.Count > 0)
        {
            text.Append("Companies: ").Append(string.Join(", ", item.Companies)).Append(". ");
        }
        if (item.Models.Count > 0)
        {
            text.Append("Models: ").Append(string.Join(", ", item.Models)).Append(". ");
        }
        foreach (var source in item.Sources)
        {
            text.Append(CultureInfo.InvariantCulture, $"Source: {source.Article}, paragraph {source.Paragraph}: “{source.Quote}” ");
        }
        return text.ToString().Trim();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", XmlText.Clean(href));
        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
