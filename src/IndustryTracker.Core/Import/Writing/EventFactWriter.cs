using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
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
            var timelineEvent = SameAsKept(fact, existing, kept)
                ?? (SameStored(fact, involved, existing) is { } stored ? await LoadAsync(session, stored, cancellationToken) : null);
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
    /// A stored event a fact may be the same as: read untracked, with only what <see cref="SameStored"/> compares,
    /// until a fact matches it (<see cref="LoadAsync"/>); then the tracked event's own values count.
    /// </summary>
    private sealed class StoredEvent(int id, FuzzyDate date, string title, string? summary, List<int> companyIds)
    {
        public int Id { get; } = id;
        public string Title { get; } = title;
        public string? Summary { get; } = summary;
        public TimelineEvent? Loaded { get; set; }
        public FuzzyDate Date => Loaded?.Date ?? date;

        /// <summary>The same companies: one set contains the other, or both are empty (a company this article adds is in no stored set).</summary>
        public bool SameCompanies(List<Company> involved)
        {
            if (Loaded is not null)
            {
                return SameCompanies(Loaded.Companies, involved);
            }
            if ((companyIds.Count == 0) != (involved.Count == 0))
            {
                return false;
            }
            return companyIds.All(id => involved.Any(c => c.Id == id)) || involved.All(c => c.Id != 0 && companyIds.Contains(c.Id));
        }

        private static bool SameCompanies(IReadOnlyList<Company> a, List<Company> b)
        {
            if ((a.Count == 0) != (b.Count == 0))
            {
                return false;
            }
            bool In(Company c, IEnumerable<Company> set) => set.Any(x => ReferenceEquals(x, c) || (c.Id != 0 && x.Id == c.Id));
            return a.All(c => In(c, b)) || b.All(c => In(c, a));
        }
    }

    /// <summary>
    /// The stored events a fact could be the same as (<see cref="SameStored"/>: overlapping dates and one company set
    /// containing the other), and those with kept quotes: in the span of this article's event dates, and involving one
    /// of its stored companies (or none, when a fact names none). Read through the (company, event) index and without
    /// tracking (title, summary, date and company ids only), so a database of 100,000 events reads a few hundred rows
    /// and tracks only the events an article restates. Events with kept quotes are loaded tracked at once.
    /// </summary>
    private static async Task<List<StoredEvent>> InWindowAsync(WriteSession session, IReadOnlyList<EventFact> facts, KeptQuotes kept, CancellationToken cancellationToken)
    {
        var keptIds = kept.Events.Select(k => k.EventId).ToList();
        var db = session.Db;
        var stored = new List<StoredEvent>();
        if (keptIds.Count > 0)
        {
            var keptEvents = await db.Events.Include(e => e.Companies).Include(e => e.Models)
                .Where(e => keptIds.Contains(e.Id)).AsSplitQuery().ToListAsync(cancellationToken);
            stored.AddRange(keptEvents.Select(e => new StoredEvent(e.Id, e.Date, e.Title, e.Summary, []) { Loaded = e }));
        }
        if (facts.Count == 0)
        {
            return stored;
        }
        var from = facts.Min(f => f.Date.Start);
        var to = facts.Max(f => f.Date.End);
        var companyIds = facts.SelectMany(f => f.Companies).Select(session.StoredCompanyId).OfType<int>().Distinct().ToList();
        var withoutCompanies = facts.Any(f => f.Companies.Count == 0);
        var involving = Queries.EventQueries.EventCompanyLinks(db).Where(l => companyIds.Contains(l.CompanyId)).Select(l => l.EventId);
        var links = Queries.EventQueries.EventCompanyLinks(db);
        var rows = await db.Events
            .AsNoTracking()
            .Where(e => !keptIds.Contains(e.Id)
                && e.Date.Start <= to && e.Date.End >= from
                && (involving.Contains(e.Id) || (withoutCompanies && !links.Any(l => l.EventId == e.Id))))
            .Select(e => new { e.Id, e.Date, e.Title, e.Summary, CompanyIds = links.Where(l => l.EventId == e.Id).Select(l => l.CompanyId).ToList() })
            .ToListAsync(cancellationToken);
        stored.AddRange(rows.Select(r => new StoredEvent(r.Id, r.Date, r.Title, r.Summary, r.CompanyIds)));
        // In id order, as the first match wins: without it PostgreSQL's row order would decide which event a fact joins.
        stored.Sort((a, b) => a.Id.CompareTo(b.Id));
        return stored;
    }

    /// <summary>The tracked event (with its companies and models) of a stored event a fact restates; read once.</summary>
    private static async Task<TimelineEvent> LoadAsync(WriteSession session, StoredEvent stored, CancellationToken cancellationToken) =>
        stored.Loaded ??= await session.Db.Events.Include(e => e.Companies).Include(e => e.Models)
            .Where(e => e.Id == stored.Id).AsSplitQuery().SingleAsync(cancellationToken);

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
    private static StoredEvent? SameStored(EventFact fact, List<Company> involved, List<StoredEvent> existing) =>
        existing.FirstOrDefault(e =>
            e.Date.Start <= fact.Date.End && fact.Date.Start <= e.Date.End
            && e.SameCompanies(involved)
            && Math.Max(EventMerger.TextOverlap(e.Title, fact.Title), EventMerger.TextOverlap(e.Summary ?? e.Title, fact.Summary ?? fact.Title)) >= EventMerger.MinTextOverlap);

    /// <summary>
    /// On re-import, the edited event (kept because an editor changed it) whose old quote this fact restates: a source
    /// in the same paragraph whose words mostly match the old quote.
    /// </summary>
    private static TimelineEvent? SameAsKept(EventFact fact, List<StoredEvent> existing, KeptQuotes kept)
    {
        foreach (var (eventId, quotes) in kept.Events)
        {
            if (quotes.Any(old => fact.Sources.Any(s => s.Paragraph == old.Paragraph && EventMerger.TextOverlap(old.Quote, s.Quote) >= EventMerger.MinTextOverlap)))
            {
                return existing.FirstOrDefault(e => e.Id == eventId)?.Loaded;
            }
        }
        return null;
    }
}
