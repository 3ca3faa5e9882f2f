using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Review;

/// <summary>
/// One imported fact waiting for an editor: <see cref="Id"/> is "kind-recordId" ("event-12"), the label and date as
/// stored, the rule and confidence it was read with, and its first quote with the paragraph it sits in (to highlight).
/// <see cref="Href"/> opens the article; <see cref="EditHref"/> opens the fact's edit form: an event's own form; for an
/// investment or a valuation (which have none) the profile form of the company it is about.
/// </summary>
public sealed record ReviewItem(
    string Id,
    string Kind,
    int RecordId,
    string Label,
    string? Date,
    string Rule,
    string Confidence,
    int ArticleId,
    string Article,
    int Paragraph,
    string Quote,
    string ParagraphText,
    DateTimeOffset ImportedAt,
    string Href,
    string? EditHref);

/// <summary>
/// The review queue and its two decisions. The queue holds facts the importer wrote below high confidence that no
/// editor has confirmed, newest import first. Confirming marks a fact confirmed by the editor (it then counts for
/// <c>confirmed=true</c> and the importer no longer changes it). Rejecting deletes it and remembers it, for every
/// article that stated it, by (content hash, rule, fact key) in <see cref="RejectedFact"/>, so no re-import writes it back.
/// </summary>
public sealed class ReviewService(IDbContextFactory<IndustryTrackerDbContext> contextFactory, TimeProvider time)
{
    public const string EventKind = "event";
    public const string InvestmentKind = "investment";
    public const string ValuationKind = "valuation";

    private static readonly FactConfidence[] Reviewed = [FactConfidence.Medium, FactConfidence.Low];

    public async Task<PagedResult<ReviewItem>> ListAsync(int page = 1, int pageSize = Queries.PagedQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;

        var events = await db.Events.Where(e => e.ConfirmedAt == null && e.Confidence != null && Reviewed.Contains(e.Confidence.Value))
            .Select(e => new Candidate(EventKind, e.Id, e.Title, e.Date.Label, e.ImportRule, e.Confidence!.Value, $"events/{e.Id}/edit")).ToListAsync(cancellationToken);
        var investments = await db.Investments.Where(i => i.ConfirmedAt == null && i.Confidence != null && Reviewed.Contains(i.Confidence.Value))
            .Select(i => new Candidate(InvestmentKind, i.Id,
                (i.Recipient == null ? "?" : i.Recipient.Name) + " · " + (i.Money == null ? "no amount" : i.Money.AsReported) + (i.RoundLabel == null ? "" : " · " + i.RoundLabel),
                i.Announced == null ? null : i.Announced.Label, i.ImportRule, i.Confidence!.Value,
                // No investment form: the recipient's profile form is where an editor corrects what the company received.
                i.Recipient == null ? null : "companies/" + i.Recipient.Slug + "/edit")).ToListAsync(cancellationToken);
        var valuations = await db.Valuations.Where(v => v.ConfirmedAt == null && v.Confidence != null && Reviewed.Contains(v.Confidence.Value))
            .Select(v => new Candidate(ValuationKind, v.Id, v.Company.Name + " valued at " + v.Money.AsReported,
                v.Date == null ? null : v.Date.Label, v.ImportRule, v.Confidence!.Value, "companies/" + v.Company.Slug + "/edit")).ToListAsync(cancellationToken);
        var candidates = events.Concat(investments).Concat(valuations).ToList();

        var quotes = await FirstQuotesAsync(db, candidates, cancellationToken);
        var queue = candidates
            .Where(c => quotes.ContainsKey((c.Kind, c.Id)))
            .Select(c => (Candidate: c, Quote: quotes[(c.Kind, c.Id)]))
            .OrderByDescending(f => f.Quote.ImportedAt).ThenBy(f => f.Quote.ArticleId).ThenBy(f => f.Quote.Paragraph)
            .ThenBy(f => IdOf(f.Candidate), StringComparer.Ordinal)
            .ToList();
        var shown = queue.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        // The paragraphs around the quotes are read for the page only: the queue is sorted by the quotes alone.
        var paragraphs = await ParagraphTextsAsync(db, [.. shown.Select(f => (f.Quote.ArticleId, f.Quote.Paragraph))], cancellationToken);
        return new PagedResult<ReviewItem>(
            [.. shown.Select(f => ToItem(f.Candidate, f.Quote, paragraphs.GetValueOrDefault((f.Quote.ArticleId, f.Quote.Paragraph)) ?? f.Quote.Text))],
            queue.Count, page, pageSize);
    }

    /// <summary>Marks the imported fact confirmed by <paramref name="editor"/>; false when there is no such imported fact.</summary>
    public async Task<bool> ConfirmAsync(string id, string editor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(editor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = editor;
        if (await FindAsync(db, id, cancellationToken) is not { } fact)
        {
            return false;
        }
        fact.Confirm(editor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes the imported fact and remembers the rejection for every article that stated it; false when there is no such imported fact.</summary>
    public async Task<bool> RejectAsync(string id, string editor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(editor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = editor;
        if (await FindAsync(db, id, cancellationToken) is not { } fact)
        {
            return false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (kind, recordId) = Parse(id)!.Value;
        var quotes = await Mentions(db, kind, recordId)
            .Select(m => new { m.Article.Sha256, m.Quote })
            .ToListAsync(cancellationToken);
        var rule = fact.ImportRule ?? Provenance.Unspecified.Rule;
        var key = fact.ImportKey ?? KeyOf(fact);
        var now = time.GetUtcNow();
        foreach (var article in quotes.GroupBy(q => q.Sha256))
        {
            if (!await db.RejectedFacts.AnyAsync(r => r.ArticleSha256 == article.Key && r.Rule == rule && r.FactKey == key, cancellationToken))
            {
                db.RejectedFacts.Add(new RejectedFact(article.Key, rule, key, kind, article.First().Quote, editor, now));
            }
        }
        db.Remove(fact);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private sealed record Candidate(string Kind, int Id, string Label, string? Date, string? Rule, FactConfidence Confidence, string? EditHref);

    private sealed record Quote(int ArticleId, string Article, DateTimeOffset ImportedAt, int Paragraph, string Text);

    private static string IdOf(Candidate c) => $"{c.Kind}-{c.Id}";

    private static ReviewItem ToItem(Candidate c, Quote q, string paragraphText) => new(
        IdOf(c), c.Kind, c.Id, c.Label, c.Date, c.Rule ?? Provenance.Unspecified.Rule, EnumNames.Of(c.Confidence),
        q.ArticleId, q.Article, q.Paragraph, q.Text, paragraphText, q.ImportedAt,
        $"sources/{q.ArticleId}",
        c.EditHref);

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
        var rows = await db.Set<ArticleParagraph>()
            .Where(p => articleIds.Contains(p.ArticleId) && numbers.Contains(p.Number))
            .Select(p => new { p.ArticleId, p.Number, p.Text })
            .ToListAsync(cancellationToken);
        var wantedSet = wanted.ToHashSet();
        return rows.Where(r => wantedSet.Contains((r.ArticleId, r.Number))).ToDictionary(r => (r.ArticleId, r.Number), r => r.Text);
    }

    /// <summary>The first quote (by article and paragraph) of each candidate.</summary>
    private static async Task<Dictionary<(string Kind, int Id), Quote>> FirstQuotesAsync(IndustryTrackerDbContext db, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var eventIds = candidates.Where(c => c.Kind == EventKind).Select(c => c.Id).ToList();
        var investmentIds = candidates.Where(c => c.Kind == InvestmentKind).Select(c => c.Id).ToList();
        var valuationIds = candidates.Where(c => c.Kind == ValuationKind).Select(c => c.Id).ToList();
        var rows = await db.Mentions
            .Where(m => (m.TimelineEventId != null && eventIds.Contains(m.TimelineEventId.Value))
                || (m.InvestmentId != null && investmentIds.Contains(m.InvestmentId.Value))
                || (m.ValuationId != null && valuationIds.Contains(m.ValuationId.Value)))
            .OrderBy(m => m.ArticleId).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.TimelineEventId, m.InvestmentId, m.ValuationId, m.ArticleId, Article = m.Article.FileName, m.Article.ImportedAt, m.Paragraph, m.Quote,
            })
            .ToListAsync(cancellationToken);
        var quotes = new Dictionary<(string, int), Quote>();
        foreach (var row in rows)
        {
            var key = row switch
            {
                { TimelineEventId: { } e } => (EventKind, e),
                { InvestmentId: { } i } => (InvestmentKind, i),
                _ => (ValuationKind, row.ValuationId!.Value),
            };
            quotes.TryAdd(key, new Quote(row.ArticleId, row.Article, row.ImportedAt, row.Paragraph, row.Quote));
        }
        return quotes;
    }

    private static IQueryable<Mention> Mentions(IndustryTrackerDbContext db, string kind, int id) => kind switch
    {
        EventKind => db.Mentions.Where(m => m.TimelineEventId == id),
        InvestmentKind => db.Mentions.Where(m => m.InvestmentId == id),
        _ => db.Mentions.Where(m => m.ValuationId == id),
    };

    /// <summary>"event-12" → (event, 12); null when the id is not of that shape.</summary>
    public static (string Kind, int Id)? Parse(string? id)
    {
        var dash = id?.LastIndexOf('-') ?? -1;
        if (dash <= 0 || !int.TryParse(id.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var recordId) || recordId <= 0)
        {
            return null;
        }
        var kind = id![..dash];
        return kind is EventKind or InvestmentKind or ValuationKind ? (kind, recordId) : null;
    }

    /// <summary>The imported fact (tracked) an id names; null when the id is malformed or names no imported fact.</summary>
    private static async Task<IReviewable?> FindAsync(IndustryTrackerDbContext db, string id, CancellationToken cancellationToken)
    {
        IReviewable? fact = Parse(id) switch
        {
            (EventKind, var recordId) => await db.Events.FirstOrDefaultAsync(e => e.Id == recordId, cancellationToken),
            (InvestmentKind, var recordId) => await db.Investments.Include(i => i.Recipient).Include(i => i.Participants).ThenInclude(p => p.Company).FirstOrDefaultAsync(i => i.Id == recordId, cancellationToken),
            (ValuationKind, var recordId) => await db.Valuations.Include(v => v.Company).FirstOrDefaultAsync(v => v.Id == recordId, cancellationToken),
            _ => null,
        };
        return fact?.Confidence is null ? null : fact;
    }

    /// <summary>The key of a fact imported before keys were recorded, from its stored values.</summary>
    private static string KeyOf(IReviewable fact) => fact switch
    {
        Timeline.TimelineEvent e => FactKeys.Event(e.Title, e.Date),
        Investments.Investment i => FactKeys.Investment(i.Kind, i.Recipient?.Name ?? (i.Participants.Count > 0 ? i.Participants[0].Company.Name : null), i.Money, i.Announced),
        Valuations.Valuation v => FactKeys.Valuation(v.Company.Name, v.Money),
        _ => throw new ArgumentOutOfRangeException(nameof(fact)),
    };
}
