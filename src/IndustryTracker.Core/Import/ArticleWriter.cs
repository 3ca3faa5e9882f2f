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
/// summary is filled from a profile. If anything fails, nothing of the article is kept.
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
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var article = new Article(fileName, Truncate(parsed.Title, 500), sha256, parsed.CleanText, importedAt)
        {
            Publisher = TruncateOrNull(parsed.Publisher, 200),
            Author = TruncateOrNull(parsed.Author, 300),
            Url = TruncateOrNull(parsed.Url, 2000),
        };
        foreach (var paragraph in parsed.Paragraphs)
        {
            article.AddParagraph(paragraph.Number, paragraph.StoredText);
        }
        db.Articles.Add(article);

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

        foreach (var fact in facts.Events)
        {
            var timelineEvent = new TimelineEvent(Truncate(fact.Title, 500), fact.Date, fact.Category, EventOrigin.Import)
            {
                Summary = TruncateOrNull(fact.Summary, MaxSummary),
            };
            foreach (var company in fact.Companies)
            {
                timelineEvent.Involve(CompanyFor(company, companies));
            }
            foreach (var model in fact.Models)
            {
                timelineEvent.Involve(models[model]);
            }
            if (fact.Investment is { } announces && investments.TryGetValue(announces, out var linked))
            {
                timelineEvent.Investment = linked;
            }
            db.Events.Add(timelineEvent);
            foreach (var source in fact.Sources)
            {
                db.Mentions.Add(Mention.Of(timelineEvent, article, source.Paragraph, Truncate(source.Quote, MaxQuote)));
                mentions++;
            }
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
            company.Founded ??= founding.Date;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ArticleId = article.Id;

        return new ImportCounts(parsed.Paragraphs.Count, facts.Companies.Count, facts.Models.Count, facts.Investments.Count, facts.Events.Count, mentions);
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
