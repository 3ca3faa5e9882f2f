using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Review;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// Events: a fact that an existing event already states (overlapping dates, the same companies — one set containing
/// the other — and mostly the same words, as <see cref="EventMerger"/> decides within an article) gets this article's
/// quotes instead of a duplicate; an importer-owned event's range narrows to the more precise date and gains the
/// companies, models and announced investment. An event an editor owns keeps its values (a note says what the article
/// now states). Only stored events in the article's date window (and those with kept quotes) are loaded to match
/// against. Facts an editor rejected are skipped.
/// </summary>
internal static class EventFactWriter
{
    public static async Task<IReadOnlyList<TimelineEvent>> WriteAsync(
        WriteSession session,
        IReadOnlyList<EventFact> facts,
        IReadOnlyDictionary<ModelIdentity, AiModel> models,
        IReadOnlyDictionary<InvestmentFact, Investment> investments,
        KeptQuotes kept,
        CancellationToken cancellationToken)
    {
        var existing = await InWindowAsync(session, facts, kept, cancellationToken);
        var written = new List<TimelineEvent>();
        foreach (var fact in facts)
        {
            var key = FactKeys.Event(fact.Title, fact.Date);
            if (session.Rejections.Rejects(fact.Provenance, key))
            {
                continue;
            }
            var involved = fact.Companies.Select(session.CompanyFor).ToList();
            var timelineEvent = SameAsKept(fact, existing, kept) ?? SameStored(fact, involved, existing);
            if (timelineEvent is null)
            {
                timelineEvent = new TimelineEvent(WriteSession.Text.Truncate(fact.Title, FactLimits.Title), fact.Date, fact.Category, EventOrigin.Import)
                {
                    Summary = WriteSession.Text.TruncateOrNull(fact.Summary, FactLimits.Summary),
                    IsPlanned = fact.IsPlanned,
                };
                timelineEvent.Record(fact.Provenance, key);
                session.Db.Events.Add(timelineEvent);
            }
            else if (ImportOwnership.Owns(timelineEvent))
            {
                if (DateNarrowing.Narrows(fact.Date, timelineEvent.Date))
                {
                    timelineEvent.Date = fact.Date;
                }
                // A plan an article now reports as done is no longer planned; a plan never undoes a done event.
                timelineEvent.IsPlanned &= fact.IsPlanned;
            }
            else
            {
                // Editor changes win: the editor's values stay, the article's own reading is recorded as a note
                // (logged) and its quote is attached as a mention of the edited event.
                session.Notes.Add($"event {timelineEvent.Id} was changed by {timelineEvent.UpdatedBy ?? "an editor"}; its values are kept, the article now states \"{fact.Title}\" ({fact.Date.Label})");
            }
            if (ImportOwnership.Owns(timelineEvent))
            {
                Involve(timelineEvent, involved, fact.Models.Select(m => models[m]));
                if (timelineEvent.InvestmentId is null && timelineEvent.Investment is null && fact.Investment is { } announces && investments.TryGetValue(announces, out var linked))
                {
                    timelineEvent.Investment = linked;
                }
            }
            kept.Replace(session.Db, nameof(TimelineEvent), timelineEvent.Id);
            written.Add(timelineEvent);
            foreach (var source in fact.Sources)
            {
                session.Quote(source, (article, paragraph, quote) => Mention.Of(timelineEvent, article, paragraph, quote));
            }
        }
        return written;
    }

    /// <summary>
    /// The stored events a fact could be the same as (<see cref="SameStored"/>: overlapping dates and one company set
    /// containing the other), and those with kept quotes: in the span of this article's event dates, and involving one
    /// of its stored companies (or none, when a fact names none). Read through the (company, event) index, so a
    /// database of 100,000 events loads a few hundred, not every event of a year.
    /// </summary>
    private static async Task<List<TimelineEvent>> InWindowAsync(WriteSession session, IReadOnlyList<EventFact> facts, KeptQuotes kept, CancellationToken cancellationToken)
    {
        var keptIds = kept.Events.Select(k => k.EventId).ToList();
        if (facts.Count == 0)
        {
            return [];
        }
        var from = facts.Min(f => f.Date.Start);
        var to = facts.Max(f => f.Date.End);
        var companyIds = facts.SelectMany(f => f.Companies).Select(session.StoredCompanyId).OfType<int>().Distinct().ToList();
        var withoutCompanies = facts.Any(f => f.Companies.Count == 0);
        var db = session.Db;
        var involving = Queries.EventQueries.EventCompanyLinks(db).Where(l => companyIds.Contains(l.CompanyId)).Select(l => l.EventId);
        var linked = Queries.EventQueries.EventCompanyLinks(db).Select(l => l.EventId);
        return await db.Events
            .Include(e => e.Companies)
            .Include(e => e.Models)
            .Where(e => keptIds.Contains(e.Id)
                || (e.Date.Start <= to && e.Date.End >= from
                    && (involving.Contains(e.Id) || (withoutCompanies && !linked.Contains(e.Id)))))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    private static void Involve(TimelineEvent timelineEvent, IEnumerable<Company> companies, IEnumerable<AiModel> models)
    {
        foreach (var company in companies)
        {
            timelineEvent.Involve(company);
        }
        foreach (var model in models)
        {
            timelineEvent.Involve(model);
        }
    }

    /// <summary>
    /// An event of another article (or an editor's) that states the same thing: overlapping dates, the same companies
    /// (one set contains the other, or both are empty) and mostly the same words in the titles or in the summaries.
    /// </summary>
    private static TimelineEvent? SameStored(EventFact fact, List<Company> involved, List<TimelineEvent> existing) =>
        existing.FirstOrDefault(e =>
            e.Date.Start <= fact.Date.End && fact.Date.Start <= e.Date.End
            && SameCompanies(e.Companies, involved)
            && Math.Max(EventMerger.TextOverlap(e.Title, fact.Title), EventMerger.TextOverlap(e.Summary ?? e.Title, fact.Summary ?? fact.Title)) >= EventMerger.MinTextOverlap);

    private static bool SameCompanies(IReadOnlyList<Company> a, List<Company> b)
    {
        if ((a.Count == 0) != (b.Count == 0))
        {
            return false;
        }
        bool In(Company c, IEnumerable<Company> set) => set.Any(x => ReferenceEquals(x, c) || (c.Id != 0 && x.Id == c.Id));
        return a.All(c => In(c, b)) || b.All(c => In(c, a));
    }

    /// <summary>
    /// On re-import, the edited event (kept because an editor changed it) whose old quote this fact restates: a source
    /// in the same paragraph whose words mostly match the old quote.
    /// </summary>
    private static TimelineEvent? SameAsKept(EventFact fact, List<TimelineEvent> existing, KeptQuotes kept)
    {
        foreach (var (eventId, quotes) in kept.Events)
        {
            if (quotes.Any(old => fact.Sources.Any(s => s.Paragraph == old.Paragraph && EventMerger.TextOverlap(old.Quote, s.Quote) >= EventMerger.MinTextOverlap)))
            {
                return existing.FirstOrDefault(e => e.Id == eventId);
            }
        }
        return null;
    }
}
