using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Writes one article and its facts in one transaction: the article and paragraphs, companies (matched to existing
/// rows by name key and alias keys, otherwise created with reference data), parents from the reference list, models,
/// events and one mention per fact source. Existing companies keep their name, category and summary; a missing
/// summary is filled from a profile. An event that an existing event already states (overlapping dates, the same
/// companies — one set containing the other — and mostly the same words, as <see cref="EventMerger"/> decides within
/// an article) gets this article's quotes instead of a duplicate; an imported event's range narrows to the more
/// precise date. Given the <c>previous</c> version of the same file, its facts are retracted first (see
/// <see cref="RetractAsync"/>). If anything fails, nothing of the article is kept.
/// </summary>
public sealed class ArticleWriter(IndustryTrackerDbContext db, ReferenceData reference)
{
    private const int MaxQuote = 4000;
    private const int MaxSummary = 8000;

    /// <summary>The id of the article written by <see cref="WriteAsync"/>, once it has committed.</summary>
    public int? ArticleId { get; private set; }

    public async Task<ImportCounts> WriteAsync(
        ParsedArticle parsed,
        ArticleFacts facts,
        CompanyDirectory directory,
        string fileName,
        string sha256,
        DateTimeOffset importedAt,
        Article? previous,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        Article article;
        var kept = new Dictionary<(string Kind, int Id), List<Mention>>();
        if (previous is null)
        {
            article = new Article(fileName, Truncate(parsed.Title, 500), sha256, parsed.CleanText, importedAt);
            db.Articles.Add(article);
        }
        else
        {
            kept = await RetractAsync(previous, cancellationToken);
            article = previous;
            article.ReplaceContent(Truncate(parsed.Title, 500), sha256, parsed.CleanText, importedAt);
        }
        article.Publisher = TruncateOrNull(parsed.Publisher, 200);
        article.Author = TruncateOrNull(parsed.Author, 300);
        article.Url = TruncateOrNull(parsed.Url, 2000);
        foreach (var paragraph in parsed.Paragraphs)
        {
            article.AddParagraph(paragraph.Number, paragraph.StoredText);
        }

        var companies = new Dictionary<CompanyIdentity, Company>();
        foreach (var fact in facts.Companies)
        {
            var company = CompanyFor(fact.Company, companies);
            if (company.Summary is null && fact.Summary is not null)
            {
                company.Summary = Truncate(fact.Summary, MaxSummary);
            }
        }
        LinkParents(directory, companies);
        await db.SaveChangesAsync(cancellationToken);

        var mentions = 0;
        foreach (var fact in facts.Companies)
        {
            foreach (var source in fact.Sources)
            {
                db.Mentions.Add(Mention.Of(companies[fact.Company], article, source.Paragraph, Truncate(source.Quote, MaxQuote)));
                mentions++;
            }
        }

        var models = new Dictionary<ModelIdentity, AiModel>();
        foreach (var fact in facts.Models)
        {
            var slug = Text.Slugs.From(fact.Model.Name);
            var model = fact.Model.Existing
                ?? db.AiModels.Local.FirstOrDefault(m => m.Slug == slug)
                ?? await db.AiModels.FirstOrDefaultAsync(m => m.Slug == slug, cancellationToken);
            if (model is null)
            {
                var developer = fact.Developer is null ? null : CompanyFor(fact.Developer, companies);
                var reference = fact.Model.Reference;
                model = new AiModel(fact.Model.Name, developer, reference?.Kind ?? AiModelKind.Llm)
                {
                    Status = reference?.Status ?? fact.StatedStatus ?? AiModelStatus.Announced,
                    Accessibility = reference?.Accessibility ?? fact.StatedAccessibility ?? Accessibility.Unknown,
                };
                db.AiModels.Add(model);
            }
            models[fact.Model] = model;
            foreach (var source in fact.Sources)
            {
                db.Mentions.Add(Mention.Of(model, article, source.Paragraph, Truncate(source.Quote, MaxQuote)));
                mentions++;
            }
        }

        var investments = new Dictionary<InvestmentFact, Investment>();
        foreach (var fact in facts.Investments)
        {
            var investment = await InvestmentForAsync(fact, companies, cancellationToken);
            investments[fact] = investment;
            foreach (var source in fact.Sources)
            {
                db.Mentions.Add(Mention.Of(investment, article, source.Paragraph, Truncate(source.Quote, MaxQuote)));
                mentions++;
            }
        }

        var existingEvents = await db.Events
            .Include(e => e.Companies)
            .Include(e => e.Models)
            .ToListAsync(cancellationToken);
        var keptEventQuotes = kept
            .Where(k => k.Key.Kind == nameof(TimelineEvent))
            .ToDictionary(k => k.Key.Id, k => k.Value);
        foreach (var fact in facts.Events)
        {
            var involved = fact.Companies.Select(c => CompanyFor(c, companies)).ToList();
            var involvedModels = fact.Models.Select(m => models[m]).ToList();
            var timelineEvent = SameAsKeptEvent(fact, existingEvents, keptEventQuotes) ?? SameExistingEvent(fact, involved, existingEvents);
            if (timelineEvent is null)
            {
                timelineEvent = new TimelineEvent(Truncate(fact.Title, 500), fact.Date, fact.Category, EventOrigin.Import)
                {
                    Summary = TruncateOrNull(fact.Summary, MaxSummary),
                };
                db.Events.Add(timelineEvent);
            }
            else if (IsImportOwned(timelineEvent))
            {
                if (Narrows(fact.Date, timelineEvent.Date))
                {
                    timelineEvent.Date = fact.Date;
                }
            }
            else
            {
                // Editor changes win: the editor's values stay, the article's own reading is recorded as a note
                // (logged) and its quote is attached as a mention of the edited event.
                Notes.Add($"event {timelineEvent.Id} was changed by {timelineEvent.UpdatedBy ?? "an editor"}; its values are kept, the article now states \"{fact.Title}\" ({fact.Date.Label})");
            }
            if (timelineEvent.Id == 0 || IsImportOwned(timelineEvent))
            {
                foreach (var company in involved)
                {
                    timelineEvent.Involve(company);
                }
                foreach (var model in involvedModels)
                {
                    timelineEvent.Involve(model);
                }
                if (timelineEvent.Investment is null && fact.Investment is { } announces && investments.TryGetValue(announces, out var linked))
                {
                    timelineEvent.Investment = linked;
                }
            }
            if (timelineEvent.Id != 0 && kept.Remove((nameof(TimelineEvent), timelineEvent.Id), out var replaced))
            {
                db.Mentions.RemoveRange(replaced);
                keptEventQuotes.Remove(timelineEvent.Id);
            }
            foreach (var source in fact.Sources)
            {
                db.Mentions.Add(Mention.Of(timelineEvent, article, source.Paragraph, Truncate(source.Quote, MaxQuote)));
                mentions++;
            }
        }
        foreach (var investment in investments.Values.Where(i => i.Id != 0))
        {
            if (kept.Remove((nameof(Investment), investment.Id), out var replaced))
            {
                db.Mentions.RemoveRange(replaced);
            }
        }
        foreach (var ((kind, id), quotes) in kept)
        {
            Notes.Add($"{kind.ToLowerInvariant()} {id} was changed by an editor and the new text no longer states it; its {quotes.Count} quote(s) from this article are kept");
        }

        foreach (var release in facts.ModelReleases)
        {
            if (models.TryGetValue(release.Model, out var model) && model.ReleaseDate is null)
            {
                model.ReleaseDate = release.Date;
                if (release.Status == AiModelStatus.Announced && model.Id == 0)
                {
                    model.Status = AiModelStatus.Announced;
                }
            }
        }
        foreach (var founding in facts.Foundings)
        {
            var company = CompanyFor(founding.Company, companies);
            if (company.Founded is null)
            {
                company.Founded = founding.Date;
            }
            else if ((company.UpdatedBy is null || company.UpdatedBy == Auditing.SystemActor.Import.Name) && Narrows(founding.Date, company.Founded))
            {
                company.Founded = founding.Date;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ArticleId = article.Id;

        return new ImportCounts(parsed.Paragraphs.Count, facts.Companies.Count, facts.Models.Count, facts.Investments.Count, facts.Events.Count, mentions);
    }

    /// <summary>What the write decided that a reader should know (editor values kept over the article's), for the log.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>True when <paramref name="date"/> lies within <paramref name="than"/> and is shorter: "May 2023" narrows "2023".</summary>
    private static bool Narrows(Dates.FuzzyDate date, Dates.FuzzyDate than) =>
        date.Start >= than.Start && date.End <= than.End && date.End.DayNumber - date.Start.DayNumber < than.End.DayNumber - than.Start.DayNumber;

    private static bool IsImportOwned(TimelineEvent e) =>
        e.Origin == EventOrigin.Import && (e.UpdatedBy is null || e.UpdatedBy == Auditing.SystemActor.Import.Name);

    private static bool IsImportOwned(Investment i) => i.UpdatedBy is null || i.UpdatedBy == Auditing.SystemActor.Import.Name;

    /// <summary>
    /// An event of another article (or an editor's) that states the same thing: overlapping dates, the same companies
    /// (one set contains the other, or both are empty) and mostly the same words in the titles or in the summaries.
    /// </summary>
    private static TimelineEvent? SameExistingEvent(EventFact fact, List<Company> involved, List<TimelineEvent> existing) =>
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
    private static TimelineEvent? SameAsKeptEvent(EventFact fact, List<TimelineEvent> existing, Dictionary<int, List<Mention>> keptQuotes)
    {
        foreach (var (eventId, quotes) in keptQuotes)
        {
            if (quotes.Any(old => fact.Sources.Any(s => s.Paragraph == old.Paragraph && EventMerger.TextOverlap(old.Quote, s.Quote) >= EventMerger.MinTextOverlap)))
            {
                return existing.FirstOrDefault(e => e.Id == eventId);
            }
        }
        return null;
    }

    /// <summary>
    /// Retracts what the previous version of a file contributed, before its new text is written: its paragraphs and
    /// its mentions go; events and investments that only it supported and that no editor touched (origin import and
    /// last changed by "import") are deleted; facts other articles also support keep their other mentions; facts an
    /// editor changed keep their values, and their quotes from this article are returned (kept until the new text
    /// restates the fact, then replaced). Companies and models stay (other facts may refer to them) and get the new
    /// text's mentions.
    /// </summary>
    private async Task<Dictionary<(string Kind, int Id), List<Mention>>> RetractAsync(Article previous, CancellationToken cancellationToken)
    {
        var importName = Auditing.SystemActor.Import.Name;
        var old = await db.Mentions.Where(m => m.ArticleId == previous.Id).ToListAsync(cancellationToken);
        var eventIds = old.Where(m => m.TimelineEventId is not null).Select(m => m.TimelineEventId!.Value).Distinct().ToList();
        var investmentIds = old.Where(m => m.InvestmentId is not null).Select(m => m.InvestmentId!.Value).Distinct().ToList();

        var eventsElsewhere = await db.Mentions
            .Where(m => m.ArticleId != previous.Id && m.TimelineEventId != null && eventIds.Contains(m.TimelineEventId.Value))
            .Select(m => m.TimelineEventId!.Value).Distinct().ToListAsync(cancellationToken);
        var investmentsElsewhere = await db.Mentions
            .Where(m => m.ArticleId != previous.Id && m.InvestmentId != null && investmentIds.Contains(m.InvestmentId.Value))
            .Select(m => m.InvestmentId!.Value).Distinct().ToListAsync(cancellationToken);
        var protectedEvents = await db.Events
            .Where(e => eventIds.Contains(e.Id) && (e.Origin != EventOrigin.Import || (e.UpdatedBy != null && e.UpdatedBy != importName)))
            .Select(e => e.Id).ToListAsync(cancellationToken);
        var protectedInvestments = await db.Investments
            .Where(i => investmentIds.Contains(i.Id) && i.UpdatedBy != null && i.UpdatedBy != importName)
            .Select(i => i.Id).ToListAsync(cancellationToken);

        var kept = new Dictionary<(string Kind, int Id), List<Mention>>();
        foreach (var mention in old)
        {
            (string Kind, int Id)? key = mention switch
            {
                { TimelineEventId: { } id } when protectedEvents.Contains(id) => (nameof(TimelineEvent), id),
                { InvestmentId: { } id } when protectedInvestments.Contains(id) => (nameof(Investment), id),
                _ => null,
            };
            if (key is { } k)
            {
                (kept.TryGetValue(k, out var list) ? list : kept[k] = []).Add(mention);
            }
            else
            {
                db.Mentions.Remove(mention);
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var deleteEvents = eventIds.Except(eventsElsewhere).Except(protectedEvents).ToList();
        var deleteInvestments = investmentIds.Except(investmentsElsewhere).Except(protectedInvestments).ToList();
        await db.Events.Where(e => deleteEvents.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Investments.Where(i => deleteInvestments.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ArticleParagraph>().Where(p => p.ArticleId == previous.Id).ExecuteDeleteAsync(cancellationToken);
        return kept;
    }

    /// <summary>
    /// The investment a fact describes: an imported investment of another article with the same kind, company and an
    /// agreeing amount (it gets this article's mentions, and its reported USD figure if it had none and no editor
    /// changed it), else a new one. The first amount is the amount of record; a USD amount is the reported USD
    /// figure; without one the amount is converted at the reference FX rate of the announced date.
    /// </summary>
    private async Task<Investment> InvestmentForAsync(InvestmentFact fact, Dictionary<CompanyIdentity, Company> companies, CancellationToken cancellationToken)
    {
        var subject = fact.Subject is null ? null : CompanyFor(fact.Subject, companies);
        var usd = fact.Amounts.FirstOrDefault(a => a.Currency == "USD");
        if (subject is { Id: > 0 })
        {
            var candidates = await db.Investments
                .Include(i => i.Participants)
                .Where(i => i.Kind == fact.Kind && (i.RecipientId == subject.Id || i.Participants.Any(p => p.CompanyId == subject.Id)))
                .ToListAsync(cancellationToken);
            var investorIds = fact.Investors.Select(i => CompanyFor(i.Company, companies).Id).ToHashSet();
            var same = candidates.FirstOrDefault(i => i.Money is { } money
                ? fact.Amounts.Any(a => InvestmentExtractor.Equivalent(money.Amount, money.Currency, a.Amount, a.Currency, reference))
                : fact.Amounts.Count == 0 && investorIds.All(id => id > 0) && i.Participants.Select(p => p.CompanyId).ToHashSet().SetEquals(investorIds));
            if (same is not null)
            {
                if (usd is not null && !same.UsdIsReported && same.Money?.Currency != "USD" && (same.UpdatedBy is null || same.UpdatedBy == Auditing.SystemActor.Import.Name))
                {
                    same.SetReportedUsd(usd.Amount);
                }
                return same;
            }
        }

        var recipient = fact.Recipient is null ? null : CompanyFor(fact.Recipient, companies);
        var investment = new Investment(fact.Kind, recipient)
        {
            RoundLabel = TruncateOrNull(fact.Round, 100),
            Purpose = TruncateOrNull(fact.Purpose, 500),
            Period = TruncateOrNull(fact.Period, 100),
            Announced = fact.Announced,
        };
        foreach (var investor in fact.Investors)
        {
            investment.AddParticipant(CompanyFor(investor.Company, companies), investor.IsLead);
        }
        if (fact.Amounts.Count > 0)
        {
            var main = fact.Amounts[0];
            investment.Money = new Money(main.Amount, main.Currency, Truncate(main.AsReported, 200), main.IsLowerBound);
            if (usd is not null)
            {
                investment.SetReportedUsd(usd.Amount);
            }
            else if (reference.RateFor(main.Currency, fact.Announced?.Start) is { } rate)
            {
                investment.ConvertToUsd(rate.UsdPerUnit, rate.Date, rate.Source);
            }
        }
        db.Investments.Add(investment);
        return investment;
    }

    private Company CompanyFor(CompanyIdentity identity, Dictionary<CompanyIdentity, Company> companies)
    {
        if (companies.TryGetValue(identity, out var company))
        {
            return company;
        }
        company = identity.Existing;
        if (company is null)
        {
            var reference = identity.Reference;
            var category = reference?.Category
                ?? (identity.Profile is null && identity.Discovered is { } found ? found.Category : CategoryFromProfile(identity.Profile));
            company = new Company(reference?.Name ?? identity.Name, category)
            {
                Country = reference?.Country,
                HeadquartersCity = reference?.City ?? identity.Discovered?.City,
            };
            foreach (var alias in reference?.Aliases ?? [])
            {
                company.AddAlias(alias.Name, alias.Kind);
            }
            if (identity.Profile is { } profile)
            {
                company.AddAlias(profile.Name, AliasKind.Alias);
            }
            db.Companies.Add(company);
            identity.Existing = company;
        }
        companies[identity] = company;
        return company;
    }

    /// <summary>
    /// Sets reference parents where both companies are now known: a company of this article whose parent exists, and
    /// an existing company whose parent is created by this article. Existing parents are never changed.
    /// </summary>
    private static void LinkParents(CompanyDirectory directory, Dictionary<CompanyIdentity, Company> companies)
    {
        foreach (var identity in directory.All)
        {
            if (identity.Existing is not { ParentId: null, Parent: null } company || identity.Reference?.Parent is not { } parentName)
            {
                continue;
            }
            if (directory.Resolve(parentName) is { Existing: { } parent } && !ReferenceEquals(parent, company)
                && (companies.ContainsKey(identity) || companies.ContainsValue(parent)))
            {
                company.SetParent(parent);
            }
        }
    }

    private static CompanyCategory CategoryFromProfile(ProfileEntry? profile)
    {
        var text = profile?.Description ?? string.Empty;
        return text switch
        {
            _ when Contains(text, "Model-as-a-Service") || Contains(text, "MaaS") || Contains(text, "cloud provider") => CompanyCategory.CloudMaas,
            _ when Contains(text, "chipmaker") || Contains(text, "chip designer") => CompanyCategory.Chipmaker,
            _ when Contains(text, "infrastructure firm") || Contains(text, "infrastructure provider") => CompanyCategory.Infrastructure,
            _ when Contains(text, "hardware maker") => CompanyCategory.HardwareMaker,
            _ when Contains(text, "AI company") || Contains(text, "AI startup") || Contains(text, "model developer") => CompanyCategory.ModelDeveloper,
            _ when Contains(text, "investment firm") || Contains(text, "venture capital") => CompanyCategory.Investor,
            _ => CompanyCategory.Other,
        };
    }

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string? TruncateOrNull(string? text, int max) => text is null ? null : Truncate(text, max);
}
