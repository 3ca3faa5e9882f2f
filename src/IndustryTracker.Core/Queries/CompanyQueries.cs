using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Queries;

/// <summary>Lists companies and reads a company's profile.</summary>
public sealed class CompanyQueries(IDbContextFactory<IndustryTrackerDbContext> contextFactory, QueryCache? cache = null)
{
    /// <summary>Companies matching <paramref name="query"/>, sorted as asked (then by name).</summary>
    public async Task<PagedResult<CompanyDto>> ListAsync(CompanyListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(query));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var companies = db.Companies.AsNoTracking().IgnoreAutoIncludes();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLower();
            var key = CompanyNames.Key(query.Q);
            companies = key.Length == 0
                ? companies.Where(c => c.Name.ToLower().Contains(text) || c.Aliases.Any(a => a.Name.ToLower().Contains(text)))
                : companies.Where(c =>
                    c.Name.ToLower().Contains(text) || c.NameKey.Contains(key) ||
                    c.Aliases.Any(a => a.Name.ToLower().Contains(text) || a.NameKey.Contains(key)));
        }
        if (query.Category is { } category)
        {
            companies = companies.Where(c => c.Category == category);
        }

        var total = await companies.CountAsync(cancellationToken);
        var ordered = query.Sort switch
        {
            CompanySort.Category => companies.SortBy(c => c.Category, query.Descending),
            CompanySort.Country => companies.SortByNullsLast(c => c.Country, query.Descending),
            CompanySort.Parent => companies.SortByNullsLast(c => c.Parent == null ? null : c.Parent.Name, query.Descending),
            _ => companies.SortBy(c => c.Name, query.Descending),
        };
        var page = ordered.ThenBy(c => c.Name).ThenBy(c => c.Id).AsQueryable();
        if (query.PageSize is { } pageSize)
        {
            page = page.Skip((query.Page - 1) * pageSize).Take(pageSize);
        }
        else if (query.Page > 1)
        {
            page = page.Take(0);
        }

        var rows = await page
            .Select(c => new
            {
                c.Name,
                c.Slug,
                Aliases = c.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                c.Category,
                c.Country,
                Parent = c.Parent == null ? null : c.Parent.Name,
                c.Summary,
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new CompanyDto(r.Name, r.Slug, r.Aliases, EnumNames.Of(r.Category), r.Country, r.Parent, r.Summary)).ToList();
        return new PagedResult<CompanyDto>(items, total, query.Page, query.PageSize ?? Math.Max(total, 1));
    }

    /// <summary>Every company as a name and slug, by name: the choices of a company filter.</summary>
    public async Task<IReadOnlyList<CompanyLink>> NamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking().IgnoreAutoIncludes()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CompanyLink(c.Name, c.Slug))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The companies with these slugs, by name (unknown slugs left out): the labels of chosen filters.</summary>
    public async Task<IReadOnlyList<CompanyLink>> NamesAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        if (slugs.Count == 0)
        {
            return [];
        }
        var wanted = slugs.ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Kept until the next write: every timeline page with a company filter asks for its names.
        return await CachedReads.ReadAsync<IReadOnlyList<CompanyLink>>(
            cache, db, "company-names|" + string.Join('\n', wanted),
            async ct => await db.Companies.AsNoTracking().IgnoreAutoIncludes()
                .Where(c => wanted.Contains(c.Slug))
                .OrderBy(c => c.Name).ThenBy(c => c.Id)
                .Select(c => new CompanyLink(c.Name, c.Slug))
                .ToListAsync(ct),
            cancellationToken);
    }

    /// <summary>The profile of the company with this slug, or null when there is none.</summary>
    public Task<CompanyProfile?> ProfileAsync(string slug, CancellationToken cancellationToken = default) =>
        LoadProfileAsync(slug, null, cancellationToken);

    /// <summary>
    /// The profile of the company with this slug with at most <paramref name="listLimit"/> events (the first by date),
    /// investments (the first announced) and relations (the first by company name): what a page renders at once. The
    /// totals are in <see cref="CompanyPagedQueries.SummaryAsync"/>; the rest is read page by page.
    /// </summary>
    /// <remarks>
    /// With a cache the profile is kept until the next write (here or, by the stamp, anywhere) or for 30 s, like the
    /// aggregates: the page's seven queries and their rows were a quarter of a profile page's CPU under load.
    /// </remarks>
    public async Task<CompanyProfile?> ProfileAsync(string slug, int listLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(listLimit);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken); // for the cache stamp
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"company-profile|{slug.Trim().ToLowerInvariant()}|{listLimit}");
        var kept = await CachedReads.ReadAsync(cache, db, key, async ct => new KeptProfile(await LoadProfileAsync(slug, listLimit, ct)), cancellationToken);
        return kept.Profile;
    }

    /// <summary>A profile as kept in the cache, which keeps no nulls: an unknown slug is kept as one without a profile.</summary>
    private sealed record KeptProfile(CompanyProfile? Profile);

    private async Task<CompanyProfile?> LoadProfileAsync(string slug, int? listLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var wanted = slug.Trim().ToLowerInvariant();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var quoteLimit = listLimit ?? int.MaxValue; // a page renders at most listLimit quotes too

        var company = await db.Companies.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.Slug == wanted)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Slug,
                Aliases = c.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                c.Category,
                c.Country,
                c.HeadquartersCity,
                c.Summary,
                FoundedLabel = c.Founded == null ? null : c.Founded.Label,
                FoundedStart = c.Founded == null ? (DateOnly?)null : c.Founded.Start,
                FoundedEnd = c.Founded == null ? (DateOnly?)null : c.Founded.End,
                FoundedPrecision = c.Founded == null ? (Dates.DatePrecision?)null : c.Founded.Precision,
                Parent = c.Parent == null ? null : new CompanyLink(c.Parent.Name, c.Parent.Slug),
                Subsidiaries = c.Subsidiaries.OrderBy(s => s.Name).Select(s => new CompanyLink(s.Name, s.Slug)).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return null;
        }

        var id = company.Id;
        // Its own query, filtered by the company first: as a limited collection of the company's projection, EF
        // numbers every mention of every company (ROW_NUMBER over the whole table) before it keeps this one's.
        var quotes = await db.Mentions.AsNoTracking()
            .Where(m => m.CompanyId == id)
            .OrderBy(m => m.Article.FileName).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Take(quoteLimit)
            .Select(m => new QuoteDto(m.Article.FileName, m.Article.Title, m.Paragraph, m.Quote))
            .ToListAsync(cancellationToken);
        var models = await db.AiModels.AsNoTracking()
            .Where(m => m.DeveloperId == id)
            .OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(Projections.Model(db))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var investmentsInvolved = db.Investments.AsNoTracking()
            .Where(i => i.RecipientId == id || db.Set<Investments.InvestmentParticipant>().Where(p => p.CompanyId == id).Select(p => p.InvestmentId).Contains(i.Id))
            .OrderBy(i => i.Announced == null ? (DateOnly?)null : i.Announced.Start).ThenBy(i => i.Id);
        var investments = listLimit is { } investmentLimit
            ? await InvestmentRows.ReadAsync(db, await investmentsInvolved.Take(investmentLimit).Select(i => i.Id).ToListAsync(cancellationToken), cancellationToken)
            : await investmentsInvolved.Select(Projections.Investment(db)).AsSplitQuery().ToListAsync(cancellationToken);

        var events = listLimit is { } eventLimit
            ? await EventRows.ReadAsync(db, await CompanyEventPages.IdsAsync(db, company.Slug, DateWindow.None, 0, eventLimit, cancellationToken), cancellationToken)
            : await AllEventsAsync(db, id, cancellationToken);

        var relations = listLimit is { } relationLimit
            ? await CompanyPagedQueries.RelationsFromAsync(db, id, 0, relationLimit, cancellationToken) // kept with the profile
            : await AllRelationsAsync(db, id, events, cancellationToken);

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in events.SelectMany(e => e.Sources)
            .Concat(investments.SelectMany(i => i.Sources))
            .Concat(models.SelectMany(m => m.Sources)))
        {
            titles.TryAdd(source.Article, source.ArticleTitle);
        }
        foreach (var quote in quotes)
        {
            titles.TryAdd(quote.Article, quote.ArticleTitle);
        }

        var dto = new CompanyDto(
            company.Name,
            company.Slug,
            company.Aliases,
            EnumNames.Of(company.Category),
            company.Country,
            company.Parent?.Name,
            company.Summary);
        return new CompanyProfile(
            dto,
            company.HeadquartersCity,
            Projections.Date(company.FoundedLabel, company.FoundedStart, company.FoundedEnd, company.FoundedPrecision),
            company.Parent,
            company.Subsidiaries,
            [.. models.Select(m => new CompanyModel(m.ToDto(), [.. m.Sources.Select(s => s.ToQuote())]))],
            [.. investments.Select(i => i.ToDto())],
            [.. events.Select(e => e.ToDto())],
            quotes,
            titles,
            relations);
    }

    /// <summary>Every event of the company, in timeline order (the unlimited profile).</summary>
    private static Task<List<EventRow>> AllEventsAsync(IndustryTrackerDbContext db, int id, CancellationToken cancellationToken)
    {
        var eventIds = CompanyPagedQueries.EventIds(db, id);
        return db.Events.AsNoTracking()
            .Where(e => eventIds.Contains(e.Id))
            .OrderBy(e => e.Date.Start).ThenBy(e => e.Date.End).ThenBy(e => e.Id)
            .Select(Projections.Event(db))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every relation of the company, read with its events (the unlimited profile).</summary>
    private static async Task<List<CompanyRelation>> AllRelationsAsync(IndustryTrackerDbContext db, int id, List<EventRow> events, CancellationToken cancellationToken)
    {
        var eventIds = CompanyPagedQueries.EventIds(db, id);
        var links = await db.Events.AsNoTracking()
            .Where(e => eventIds.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                Companies = e.Companies.Where(c => c.Id != id).Select(c => new CompanyLink(c.Name, c.Slug)).ToList(),
                Developers = e.Models.Where(m => m.Developer != null && m.DeveloperId != id).Select(m => new CompanyLink(m.Developer!.Name, m.Developer.Slug)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var byEvent = events.ToDictionary(e => e.Id);
        return [.. links
            .Where(l => byEvent.ContainsKey(l.Id))
            .SelectMany(l => l.Companies.Concat(l.Developers).DistinctBy(c => c.Slug).Select(other => Relation(byEvent[l.Id], other)))
            .OrderBy(r => r.Company.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.EventDate.Start, StringComparer.Ordinal).ThenBy(r => r.EventId)];
    }

    /// <summary>What an event says about the company and another one it involves, from the event's category.</summary>
    private static CompanyRelation Relation(EventRow e, CompanyLink other)
    {
        var (kind, label) = RelationKind(e.Category);
        var dto = e.ToDto();
        return new CompanyRelation(kind, label, other, e.Id, e.Title, dto.Date);
    }

    /// <summary>The relation kind and label an event of this category gives two companies it involves.</summary>
    internal static (string Kind, string Label) RelationKind(Timeline.EventCategory category) =>
        category switch
        {
            Timeline.EventCategory.IntegrationAdoption => ("integrated", "Integration with"),
            Timeline.EventCategory.Partnership => ("partnered", "Partnered with"),
            Timeline.EventCategory.Investment => ("invested", "Investment with"),
            Timeline.EventCategory.Market => ("competes", "Competes with"),
            _ => ("related", "Appears with"),
        };

    /// <summary>
    /// Headline counts: companies, models, events, investments and articles. Counting the live events walks their
    /// index (25 ms at 100k events), so the counts are kept until the next write (here or, by the stamp, anywhere).
    /// </summary>
    public async Task<Overview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CachedReads.ReadAsync(cache, db, "overview", ct => CountOverviewAsync(db, ct), cancellationToken);
    }

    private static async Task<Overview> CountOverviewAsync(IndustryTrackerDbContext db, CancellationToken cancellationToken) =>
        new(
            await db.Companies.IgnoreAutoIncludes().CountAsync(cancellationToken),
            await db.AiModels.CountAsync(cancellationToken),
            await db.Events.CountAsync(cancellationToken),
            await db.Investments.CountAsync(cancellationToken),
            await db.Articles.CountAsync(cancellationToken));
}
