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

    /// <summary>One page of the queue, newest import first (see <see cref="ReviewQueue"/>).</summary>
    public async Task<PagedResult<ReviewItem>> ListAsync(int page = 1, int pageSize = Queries.PagedQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReviewQueue.PageAsync(db, page, pageSize, cancellationToken);
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
