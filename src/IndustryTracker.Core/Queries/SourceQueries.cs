using System.Globalization;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>Lists imported articles and reads one with its numbered paragraphs and what was extracted from each.</summary>
public sealed class SourceQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
{
    public Task<PagedResult<SourceSummaryDto>> ListAsync(int page = 1, int pageSize = PagedQuery.DefaultPageSize, CancellationToken cancellationToken = default) =>
        ListAsync(new SourceListQuery { Page = page, PageSize = pageSize }, cancellationToken);

    /// <summary>One page of articles, sorted by the query's column (file name by default; empty publishers and dates last).</summary>
    public async Task<PagedResult<SourceSummaryDto>> ListAsync(SourceListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.ThrowIfInvalid();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.Articles.CountAsync(cancellationToken);
        var articles = db.Articles.AsNoTracking();
        var ordered = query.Sort switch
        {
            SourceSort.Title => articles.SortBy(a => a.Title, query.Descending),
            SourceSort.Publisher => articles.SortByNullsLast(a => a.Publisher, query.Descending),
            SourceSort.Published => articles.SortByNullsLast(a => a.PublishedOn, query.Descending),
            _ => articles.SortBy(a => a.FileName, query.Descending),
        };
        var rows = await Summaries(db, ordered.ThenBy(a => a.FileName).ThenBy(a => a.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<SourceSummaryDto>([.. rows.Select(r => r.ToDto())], total, query.Page, query.PageSize);
    }

    /// <summary>The article with this file name (the "article" of a source quote), or null.</summary>
    public async Task<SourceDetail?> DetailByFileAsync(string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        int? id;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            id = await db.Articles.AsNoTracking().Where(a => a.FileName == file).OrderByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        }
        return id is { } found ? await DetailAsync(found, cancellationToken) : null;
    }

    public async Task<SourceDetail?> DetailAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var summary = await Summaries(db, db.Articles.AsNoTracking().Where(a => a.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }
        var paragraphs = await db.Set<ArticleParagraph>().AsNoTracking()
            .Where(p => p.ArticleId == id)
            .OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Text })
            .ToListAsync(cancellationToken);
        var mentions = await db.Mentions.AsNoTracking()
            .Where(m => m.ArticleId == id)
            .Where(m => m.TimelineEventId == null || m.TimelineEvent != null) // not the quotes of deleted events
            .OrderBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Paragraph,
                m.Quote,
                Company = m.Company == null ? null : new { m.Company.Name, m.Company.Slug },
                Model = m.AiModel == null ? null : new { m.AiModel.Name, m.AiModel.Slug },
                Investment = m.Investment == null ? null : new
                {
                    m.Investment.Kind,
                    m.Investment.RoundLabel,
                    Recipient = m.Investment.Recipient == null ? null : m.Investment.Recipient.Slug,
                    RecipientName = m.Investment.Recipient == null ? null : m.Investment.Recipient.Name,
                },
                Event = m.TimelineEvent == null ? null : new
                {
                    m.TimelineEvent.Id,
                    m.TimelineEvent.Title,
                    m.TimelineEvent.Date.Start,
                    m.TimelineEvent.Date.End,
                },
            })
            .ToListAsync(cancellationToken);

        var facts = mentions.Select(m => (m.Paragraph, Fact: m switch
        {
            { Company: { } c } => new ExtractedFactDto("company", c.Name, $"companies/{c.Slug}", m.Quote),
            { Model: { } x } => new ExtractedFactDto("model", x.Name, $"models/{x.Slug}", m.Quote),
            { Investment: { } i } => new ExtractedFactDto(
                "investment",
                EnumNames.Display(i.Kind) + (i.RecipientName is null ? string.Empty : $": {i.RecipientName}") + (i.RoundLabel is null ? string.Empty : $" ({i.RoundLabel})"),
                i.Recipient is null ? "investments" : $"investments?company={i.Recipient}",
                m.Quote),
            { Event: { } e } => new ExtractedFactDto("event", e.Title, EventHref(e.Id, e.Start, e.End), m.Quote),
            _ => new ExtractedFactDto("other", "Quote", $"sources/{id}", m.Quote),
        })).ToList();
        string[] kindOrder = ["company", "model", "investment", "event", "other"];
        facts = [.. facts.Select((f, i) => (f, i)).OrderBy(x => x.f.Paragraph).ThenBy(x => Array.IndexOf(kindOrder, x.f.Fact.Kind)).ThenBy(x => x.i).Select(x => x.f)];
        var numbers = paragraphs.Select(p => p.Number).ToHashSet();
        var byParagraph = facts.ToLookup(f => f.Paragraph, f => f.Fact);
        return new SourceDetail(
            summary.ToDto(),
            [.. paragraphs.Select(p => new ParagraphDto(p.Number, p.Text, [.. byParagraph[p.Number]]))],
            [.. facts.Where(f => !numbers.Contains(f.Paragraph)).Select(f => f.Fact)]);
    }

    /// <summary>The timeline link that shows an event: its date range, scrolled to the event.</summary>
    public static string EventHref(int id, DateOnly start, DateOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"timeline?from={start:yyyy-MM-dd}&to={end:yyyy-MM-dd}#event-{id}");

    private static IQueryable<SummaryRow> Summaries(IndustryTrackerDbContext db, IQueryable<Article> articles) =>
        articles.Select(a => new SummaryRow
        {
            Id = a.Id,
            File = a.FileName,
            Title = a.Title,
            Publisher = a.Publisher,
            Author = a.Author,
            Url = a.Url,
            PublishedOn = a.PublishedOn,
            Sha256 = a.Sha256,
            ImportedAt = a.ImportedAt,
            Paragraphs = a.Paragraphs.Count,
            Mentions = db.Mentions.Count(m => m.ArticleId == a.Id),
        });


    private sealed class SummaryRow
    {
        public int Id { get; init; }
        public required string File { get; init; }
        public required string Title { get; init; }
        public string? Publisher { get; init; }
        public string? Author { get; init; }
        public string? Url { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public required string Sha256 { get; init; }
        public DateTimeOffset ImportedAt { get; init; }
        public int Paragraphs { get; init; }
        public int Mentions { get; init; }

        public SourceSummaryDto ToDto() => new(Id, File, Title, Publisher, Author, Url, PublishedOn is { } d ? Projections.Iso(d) : null, Sha256, ImportedAt, Paragraphs, Mentions);
    }
}
