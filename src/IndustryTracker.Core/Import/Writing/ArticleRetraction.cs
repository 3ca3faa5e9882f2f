using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Core.Valuations;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// The quotes of the previous version of an article that were kept because an editor owns the fact they support,
/// by fact; replaced when the new text restates the fact, reported in a note when it no longer does.
/// </summary>
internal sealed class KeptQuotes
{
    private readonly Dictionary<(string Kind, int Id), List<Mention>> _kept = [];

    public static KeptQuotes None { get; } = new();

    public void Add(string kind, int id, Mention mention) =>
        (_kept.TryGetValue((kind, id), out var list) ? list : _kept[(kind, id)] = []).Add(mention);

    /// <summary>The kept quotes of events, by event id.</summary>
    public IEnumerable<(int EventId, IReadOnlyList<Mention> Quotes)> Events =>
        _kept.Where(k => k.Key.Kind == nameof(TimelineEvent)).Select(k => (k.Key.Id, (IReadOnlyList<Mention>)k.Value));

    /// <summary>The new text restates the fact: its old quotes go (the new ones are added by the writer).</summary>
    public void Replace(Data.IndustryTrackerDbContext db, string kind, int id)
    {
        if (id != 0 && _kept.Remove((kind, id), out var replaced))
        {
            db.Mentions.RemoveRange(replaced);
        }
    }

    /// <summary>One note per fact whose kept quotes the new text no longer restates.</summary>
    public IEnumerable<string> Notes() =>
        _kept.Select(k => $"{k.Key.Kind.ToLowerInvariant()} {k.Key.Id} was changed by an editor and the new text no longer states it; its {k.Value.Count} quote(s) from this article are kept");
}

/// <summary>
/// Retracts what the previous version of a file contributed, before its new text is written: its paragraphs and
/// its mentions go; events, investments and valuations that only it supported and that the importer owns
/// (<see cref="ImportOwnership"/>) are deleted; facts other articles also support keep their other mentions; facts
/// an editor owns keep their values, and their quotes from this article are kept (<see cref="KeptQuotes"/>).
/// Companies and models stay (other facts may refer to them) and get the new text's mentions.
/// </summary>
internal static class ArticleRetraction
{
    public static async Task<KeptQuotes> RetractAsync(Data.IndustryTrackerDbContext db, Article previous, CancellationToken cancellationToken)
    {
        var old = await db.Mentions.Where(m => m.ArticleId == previous.Id).ToListAsync(cancellationToken);
        var eventIds = Ids(old, m => m.TimelineEventId);
        var investmentIds = Ids(old, m => m.InvestmentId);
        var valuationIds = Ids(old, m => m.ValuationId);

        var elsewhere = db.Mentions.Where(m => m.ArticleId != previous.Id);
        var eventsElsewhere = await elsewhere.Where(m => m.TimelineEventId != null && eventIds.Contains(m.TimelineEventId.Value)).Select(m => m.TimelineEventId!.Value).Distinct().ToListAsync(cancellationToken);
        var investmentsElsewhere = await elsewhere.Where(m => m.InvestmentId != null && investmentIds.Contains(m.InvestmentId.Value)).Select(m => m.InvestmentId!.Value).Distinct().ToListAsync(cancellationToken);
        var valuationsElsewhere = await elsewhere.Where(m => m.ValuationId != null && valuationIds.Contains(m.ValuationId.Value)).Select(m => m.ValuationId!.Value).Distinct().ToListAsync(cancellationToken);

        var ownedEvents = await db.Events.Where(e => eventIds.Contains(e.Id)).Where(ImportOwnership.EventOwned).Select(e => e.Id).ToListAsync(cancellationToken);
        var ownedInvestments = await db.Investments.Where(i => investmentIds.Contains(i.Id)).Where(ImportOwnership.InvestmentOwned).Select(i => i.Id).ToListAsync(cancellationToken);
        var ownedValuations = await db.Valuations.Where(v => valuationIds.Contains(v.Id)).Where(ImportOwnership.ValuationOwned).Select(v => v.Id).ToListAsync(cancellationToken);
        // A soft-deleted event is hidden by the query filter: neither owned nor protected, its quotes simply go.
        var visibleEvents = await db.Events.Where(e => eventIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        var protectedEvents = visibleEvents.Except(ownedEvents).ToHashSet();
        var protectedInvestments = investmentIds.Except(ownedInvestments).ToHashSet();
        var protectedValuations = valuationIds.Except(ownedValuations).ToHashSet();

        var kept = new KeptQuotes();
        foreach (var mention in old)
        {
            switch (mention)
            {
                case { TimelineEventId: { } id } when protectedEvents.Contains(id):
                    kept.Add(nameof(TimelineEvent), id, mention);
                    break;
                case { InvestmentId: { } id } when protectedInvestments.Contains(id):
                    kept.Add(nameof(Investment), id, mention);
                    break;
                case { ValuationId: { } id } when protectedValuations.Contains(id):
                    kept.Add(nameof(Valuation), id, mention);
                    break;
                default:
                    db.Mentions.Remove(mention);
                    break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var deleteEvents = ownedEvents.Except(eventsElsewhere).ToList();
        var deleteInvestments = ownedInvestments.Except(investmentsElsewhere).ToList();
        var deleteValuations = ownedValuations.Except(valuationsElsewhere).ToList();
        await db.Events.Where(e => deleteEvents.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Investments.Where(i => deleteInvestments.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Valuations.Where(v => deleteValuations.Contains(v.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ArticleParagraph>().Where(p => p.ArticleId == previous.Id).ExecuteDeleteAsync(cancellationToken);
        return kept;
    }

    private static List<int> Ids(List<Mention> mentions, Func<Mention, int?> id) =>
        [.. mentions.Select(id).Where(i => i is not null).Select(i => i!.Value).Distinct()];
}
