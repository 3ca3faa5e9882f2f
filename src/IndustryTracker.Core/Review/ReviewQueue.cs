using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Review;

/// <summary>
/// Reads one page of the review queue: the imported facts below high confidence that no editor has confirmed, each
/// with its first quote (by article, paragraph, id), newest import first, then by article, paragraph, kind (event,
/// investment, valuation) and id. Facts without a quote are not in the queue.
/// The database counts the queued facts of each article (SQLite cannot order by the articles' import time, a
/// <see cref="DateTimeOffset"/>, so the articles are put in order here: one row each); only the facts of the articles
/// the page spans, and then only the page's own labels, quotes and paragraphs, are read. No list of every queued fact
/// is read or sent back as parameters, however long the queue (25,000 queued facts: 3 s a page before).
/// </summary>
internal static class ReviewQueue
{
    private const int EventKind = 0, InvestmentKind = 1, ValuationKind = 2;

    private static readonly FactConfidence[] Reviewed = [FactConfidence.Medium, FactConfidence.Low];

    public static async Task<PagedResult<ReviewItem>> PageAsync(IndustryTrackerDbContext db, int page, int pageSize, CancellationToken cancellationToken)
    {
        var queue = Queued(db);
        var articles = (await queue
            .GroupBy(r => r.ArticleId)
            .Select(g => new { ArticleId = g.Key, Count = g.Count() })
            .Join(db.Articles, g => g.ArticleId, a => a.Id, (g, a) => new { g.ArticleId, g.Count, a.ImportedAt })
            .ToListAsync(cancellationToken))
            .OrderByDescending(a => a.ImportedAt).ThenBy(a => a.ArticleId)
            .ToList();
        var total = articles.Sum(a => a.Count);

        // The articles the page spans, and how many of the first one's facts earlier pages showed.
        var skip = (long)(page - 1) * pageSize;
        var spanned = new List<int>();
        var skipInFirst = 0L;
        var seen = 0L;
        foreach (var article in articles)
        {
            if (seen + article.Count > skip && seen < skip + pageSize)
            {
                if (spanned.Count == 0)
                {
                    skipInFirst = skip - seen;
                }
                spanned.Add(article.ArticleId);
            }
            seen += article.Count;
        }
        if (spanned.Count == 0)
        {
            return new PagedResult<ReviewItem>([], total, page, pageSize);
        }

        var rank = spanned.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var shown = (await queue.Where(r => spanned.Contains(r.ArticleId)).ToListAsync(cancellationToken))
            .OrderBy(r => rank[r.ArticleId]).ThenBy(r => r.Paragraph).ThenBy(r => r.Kind).ThenBy(r => r.Id)
            .Skip((int)skipInFirst).Take(pageSize)
            .ToList();
        return new PagedResult<ReviewItem>(await ItemsAsync(db, shown, cancellationToken), total, page, pageSize);
    }

    /// <summary>Every queued fact with its first quote's article and paragraph, as one query (a union of the three kinds).</summary>
    private static IQueryable<QueuedFact> Queued(IndustryTrackerDbContext db)
    {
        var facts = db.Events.AsNoTracking()
                .Where(e => e.ConfirmedAt == null && e.Confidence != null && Reviewed.Contains(e.Confidence.Value))
                .Select(e => new QueuedFact
                {
                    Kind = EventKind,
                    Id = e.Id,
                    MentionId = db.Mentions.Where(m => m.TimelineEventId == e.Id)
                        .OrderBy(m => m.ArticleId).ThenBy(m => m.Paragraph).ThenBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefault(),
                })
            .Concat(db.Investments.AsNoTracking()
                .Where(i => i.ConfirmedAt == null && i.Confidence != null && Reviewed.Contains(i.Confidence.Value))
                .Select(i => new QueuedFact
                {
                    Kind = InvestmentKind,
                    Id = i.Id,
                    MentionId = db.Mentions.Where(m => m.InvestmentId == i.Id)
                        .OrderBy(m => m.ArticleId).ThenBy(m => m.Paragraph).ThenBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefault(),
                }))
            .Concat(db.Valuations.AsNoTracking()
                .Where(v => v.ConfirmedAt == null && v.Confidence != null && Reviewed.Contains(v.Confidence.Value))
                .Select(v => new QueuedFact
                {
                    Kind = ValuationKind,
                    Id = v.Id,
                    MentionId = db.Mentions.Where(m => m.ValuationId == v.Id)
                        .OrderBy(m => m.ArticleId).ThenBy(m => m.Paragraph).ThenBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefault(),
                }));
        return facts
            .Join(db.Mentions, f => f.MentionId, m => (int?)m.Id, (f, m) => new QueuedFact
            {
                Kind = f.Kind, Id = f.Id, MentionId = f.MentionId, ArticleId = m.ArticleId, Paragraph = m.Paragraph,
            });
    }

    /// <summary>The page's facts as items: their labels, quotes and paragraphs, read for them only.</summary>
    private static async Task<List<ReviewItem>> ItemsAsync(IndustryTrackerDbContext db, List<QueuedFact> shown, CancellationToken cancellationToken)
    {
        List<int> Ids(int kind) => [.. shown.Where(f => f.Kind == kind).Select(f => f.Id)];
        var (eventIds, investmentIds, valuationIds) = (Ids(EventKind), Ids(InvestmentKind), Ids(ValuationKind));
        var mentionIds = shown.Select(f => f.MentionId!.Value).ToList();

        var labels = new Dictionary<(int, int), Label>();
        foreach (var e in await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, Label = new Label(e.Title, e.Date.Label, e.ImportRule, e.Confidence!.Value, "events/" + e.Id + "/edit") })
            .ToListAsync(cancellationToken))
        {
            labels[(EventKind, e.Id)] = e.Label;
        }
        foreach (var i in await db.Investments.AsNoTracking().Where(i => investmentIds.Contains(i.Id))
            .Select(i => new
            {
                i.Id,
                Label = new Label(
                    (i.Recipient == null ? "?" : i.Recipient.Name) + " · " + (i.Money == null ? "no amount" : i.Money.AsReported) + (i.RoundLabel == null ? "" : " · " + i.RoundLabel),
                    i.Announced == null ? null : i.Announced.Label, i.ImportRule, i.Confidence!.Value,
                    // No investment form: the recipient's profile form is where an editor corrects what the company received.
                    i.Recipient == null ? null : "companies/" + i.Recipient.Slug + "/edit"),
            })
            .ToListAsync(cancellationToken))
        {
            labels[(InvestmentKind, i.Id)] = i.Label;
        }
        foreach (var v in await db.Valuations.AsNoTracking().Where(v => valuationIds.Contains(v.Id))
            .Select(v => new
            {
                v.Id,
                Label = new Label(v.Company.Name + " valued at " + v.Money.AsReported, v.Date == null ? null : v.Date.Label, v.ImportRule, v.Confidence!.Value,
                    "companies/" + v.Company.Slug + "/edit"),
            })
            .ToListAsync(cancellationToken))
        {
            labels[(ValuationKind, v.Id)] = v.Label;
        }

        var quotes = await db.Mentions.AsNoTracking().Where(m => mentionIds.Contains(m.Id))
            .Select(m => new { m.Id, m.ArticleId, Article = m.Article.FileName, m.Article.ImportedAt, m.Paragraph, m.Quote })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var paragraphs = await ParagraphTextsAsync(db, [.. quotes.Values.Select(q => (q.ArticleId, q.Paragraph))], cancellationToken);

        // A fact confirmed or deleted since the queue was read is left out of the page.
        return [.. shown
            .Where(f => labels.ContainsKey((f.Kind, f.Id)) && quotes.ContainsKey(f.MentionId!.Value))
            .Select(f =>
            {
                var (label, quote) = (labels[(f.Kind, f.Id)], quotes[f.MentionId!.Value]);
                var kind = KindName(f.Kind);
                return new ReviewItem(
                    $"{kind}-{f.Id}", kind, f.Id, label.Text, label.Date, label.Rule ?? Provenance.Unspecified.Rule, EnumNames.Of(label.Confidence),
                    quote.ArticleId, quote.Article, quote.Paragraph, quote.Quote,
                    paragraphs.GetValueOrDefault((quote.ArticleId, quote.Paragraph)) ?? quote.Quote, quote.ImportedAt,
                    $"sources/{quote.ArticleId}", label.EditHref);
            })];
    }

    private static string KindName(int kind) => kind switch
    {
        EventKind => ReviewService.EventKind,
        InvestmentKind => ReviewService.InvestmentKind,
        _ => ReviewService.ValuationKind,
    };

    /// <summary>The text of each of these paragraphs, by article and number (one query; missing ones left out).</summary>
    private static async Task<Dictionary<(int ArticleId, int Number), string>> ParagraphTextsAsync(
        IndustryTrackerDbContext db, List<(int ArticleId, int Number)> wanted, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            return [];
        }
        var articleIds = wanted.Select(w => w.ArticleId).Distinct().ToList();
        var numbers = wanted.Select(w => w.Number).Distinct().ToList();
        var rows = await db.Set<ArticleParagraph>().AsNoTracking()
            .Where(p => articleIds.Contains(p.ArticleId) && numbers.Contains(p.Number))
            .Select(p => new { p.ArticleId, p.Number, p.Text })
            .ToListAsync(cancellationToken);
        var wantedSet = wanted.ToHashSet();
        return rows.Where(r => wantedSet.Contains((r.ArticleId, r.Number))).ToDictionary(r => (r.ArticleId, r.Number), r => r.Text);
    }

    /// <summary>A queued fact: its kind (the queue's order among the facts of one paragraph), id and first quote.</summary>
    private sealed class QueuedFact
    {
        public int Kind { get; init; }
        public int Id { get; init; }
        public int? MentionId { get; init; }
        public int ArticleId { get; init; }
        public int Paragraph { get; init; }
    }

    private sealed record Label(string Text, string? Date, string? Rule, FactConfidence Confidence, string? EditHref);
}
