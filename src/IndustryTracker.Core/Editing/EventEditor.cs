using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Text;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.Editing;

public enum EditOutcome
{
    Saved,
    Invalid,
    NotFound,
    /// <summary>The event changed since the editor loaded it; <see cref="EventEditResult.Current"/> holds what is saved now.</summary>
    Conflict,
}

/// <summary>What became of an edit: the saved event, the field errors, or the current event in a conflict.</summary>
public sealed record EventEditResult(EditOutcome Outcome, EventDetailDto? Event, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    public EventDetailDto? Current => Outcome == EditOutcome.Conflict ? Event : null;

    internal static EventEditResult Saved(EventDetailDto saved) => new(EditOutcome.Saved, saved, Empty);
    internal static EventEditResult Invalid(Dictionary<string, string[]> errors) => new(EditOutcome.Invalid, null, errors);
    internal static EventEditResult NotFound { get; } = new(EditOutcome.NotFound, null, Empty);
    internal static EventEditResult Conflict(EventDetailDto current) => new(EditOutcome.Conflict, current, Empty);
}

/// <summary>
/// Creates, updates, soft-deletes and restores timeline events for an editor. Every write uses its own short-lived
/// context acting as the editor (<see cref="IndustryTrackerDbContext.Actor"/>, so CreatedBy/UpdatedBy name them), runs
/// in one transaction and changes nothing when the input is invalid. Updates and deletes name the version the editor
/// saw; a different saved version is a conflict, never a silent overwrite.
/// </summary>
public sealed class EventEditor(
    IDbContextFactory<IndustryTrackerDbContext> contextFactory,
    TimeProvider time,
    ILogger<EventEditor> logger)
{
    public async Task<EventDetailDto?> GetAsync(int id, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = includeDeleted ? db.Events.IgnoreQueryFilters() : db.Events;
        var found = await events.AsNoTracking().Include(e => e.Companies).Include(e => e.Models)
            .AsSplitQuery().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return found is null ? null : await DetailAsync(db, found, cancellationToken);
    }

    public async Task<EventEditResult> CreateAsync(EventInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var (valid, related, errors) = await ResolveAsync(db, input, cancellationToken);
        if (valid is null)
        {
            return EventEditResult.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = new TimelineEvent(valid.Title, valid.Date, valid.Category, EventOrigin.Editor)
        {
            Summary = valid.Summary,
            SourceUrl = valid.SourceUrl,
        };
        created.InvolveOnly(related.Companies);
        created.InvolveOnly(related.Models);
        db.Events.Add(created);
        if (related.Article is { } article)
        {
            db.Mentions.Add(Mention.Of(created, article, valid.ArticleSource!.Value.Paragraph, valid.ArticleSource.Value.Quote));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} created event {EventId} {Title}", actor, created.Id, created.Title);
        return EventEditResult.Saved(await DetailAsync(db, created, cancellationToken));
    }

    /// <summary>Replaces the event's fields with <paramref name="input"/> if it is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<EventEditResult> UpdateAsync(int id, int expectedVersion, EventInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var existing = await LoadTrackedAsync(db, id, cancellationToken);
        if (existing is null)
        {
            return EventEditResult.NotFound;
        }
        var (valid, related, errors) = await ResolveAsync(db, input, cancellationToken);
        if (valid is null)
        {
            return EventEditResult.Invalid(errors);
        }
        if (existing.Version != expectedVersion)
        {
            return await ConflictAsync(db, existing, actor, expectedVersion, cancellationToken);
        }
        if (Unchanged(existing, valid, related))
        {
            // PUT of exactly what GET returned: nothing to save, no new version, no history.
            return EventEditResult.Saved(await DetailAsync(db, existing, cancellationToken));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        existing.Retitle(valid.Title);
        existing.Summary = valid.Summary;
        existing.Category = valid.Category;
        existing.Date = valid.Date;
        existing.SourceUrl = valid.SourceUrl;
        existing.InvolveOnly(related.Companies);
        existing.InvolveOnly(related.Models);
        if (related.Article is { } article)
        {
            var (_, paragraph, quote) = valid.ArticleSource!.Value;
            var known = await db.Mentions.AnyAsync(
                m => m.TimelineEventId == id && m.ArticleId == article.Id && m.Paragraph == paragraph && m.Quote == quote, cancellationToken);
            if (!known)
            {
                db.Mentions.Add(Mention.Of(existing, article, paragraph, quote));
            }
        }
        if (!await TrySaveAsync(db, existing, expectedVersion, cancellationToken))
        {
            return await ConflictAsync(db, existing, actor, expectedVersion, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} updated event {EventId} to version {Version}", actor, id, existing.Version);
        return EventEditResult.Saved(await DetailAsync(db, existing, cancellationToken));
    }

    /// <summary>Soft-deletes the event if it is still at <paramref name="expectedVersion"/>; it can be restored.</summary>
    public async Task<EventEditResult> DeleteAsync(int id, int expectedVersion, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var existing = await LoadTrackedAsync(db, id, cancellationToken);
        if (existing is null)
        {
            return EventEditResult.NotFound;
        }
        if (existing.Version != expectedVersion)
        {
            return await ConflictAsync(db, existing, actor, expectedVersion, cancellationToken);
        }
        existing.SoftDelete(actor, time.GetUtcNow());
        if (!await TrySaveAsync(db, existing, expectedVersion, cancellationToken))
        {
            return await ConflictAsync(db, existing, actor, expectedVersion, cancellationToken);
        }
        logger.LogInformation("{Actor} deleted event {EventId}", actor, id);
        return EventEditResult.Saved(await DetailAsync(db, existing, cancellationToken));
    }

    /// <summary>Brings a soft-deleted event back; restoring an event that is not deleted changes nothing.</summary>
    public async Task<EventEditResult> RestoreAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var existing = await db.Events.IgnoreQueryFilters().Include(e => e.Companies).Include(e => e.Models)
            .AsSplitQuery().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (existing is null)
        {
            return EventEditResult.NotFound;
        }
        if (existing.IsDeleted)
        {
            existing.Restore();
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} restored event {EventId}", actor, id);
        }
        return EventEditResult.Saved(await DetailAsync(db, existing, cancellationToken));
    }

    /// <summary>Deleted events, most recently deleted first, for the editors' restore list (the API): the first <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<EventDetailDto>> ListDeletedAsync(int limit = 200, CancellationToken cancellationToken = default) =>
        (await ListDeletedAsync(new DeletedEventQuery { PageSize = limit }, cancellationToken)).Items;

    /// <summary>One page of deleted events, sorted by when they were deleted (newest first by default), their date or title.</summary>
    public async Task<PagedResult<EventDetailDto>> ListDeletedAsync(DeletedEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.ThrowIfInvalid();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deleted = db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => e.DeletedAt != null);
        var total = await deleted.CountAsync(cancellationToken);
        var skip = (query.Page - 1) * query.PageSize;
        List<int> ids;
        if (query.Sort == DeletedEventSort.Deleted && db.Database.IsSqlite())
        {
            // SQLite cannot order by a DateTimeOffset column: order the deleted events' (id, time) pairs here.
            var times = await deleted.Select(e => new { e.Id, e.DeletedAt }).ToListAsync(cancellationToken);
            var byTime = query.Descending
                ? times.OrderByDescending(t => t.DeletedAt).ThenByDescending(t => t.Id)
                : times.OrderBy(t => t.DeletedAt).ThenBy(t => t.Id);
            ids = [.. byTime.Skip(skip).Take(query.PageSize).Select(t => t.Id)];
        }
        else
        {
            var ordered = query.Sort switch
            {
                DeletedEventSort.Date => deleted.SortBy(e => e.Date.Start, query.Descending).ThenBy(e => e.Date.End).ThenBy(e => e.Id),
                DeletedEventSort.Title => deleted.SortBy(e => e.Title, query.Descending).ThenBy(e => e.Id),
                _ => deleted.SortBy(e => e.DeletedAt, query.Descending).ThenBy(e => e.Id),
            };
            ids = await ordered.Skip(skip).Take(query.PageSize).Select(e => e.Id).ToListAsync(cancellationToken);
        }
        var events = await db.Events.IgnoreQueryFilters().AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Include(e => e.Companies).Include(e => e.Models)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var sources = (await db.Mentions.AsNoTracking()
            .Where(m => m.TimelineEventId != null && ids.Contains(m.TimelineEventId.Value))
            .OrderBy(m => m.Article.FileName).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Select(m => new { EventId = m.TimelineEventId!.Value, Source = new SourceDto(m.Article.FileName, m.Paragraph, m.Quote) })
            .ToListAsync(cancellationToken))
            .ToLookup(m => m.EventId, m => m.Source);
        var byId = events.ToDictionary(e => e.Id);
        return new PagedResult<EventDetailDto>([.. ids.Select(id => Detail(byId[id], [.. sources[id]]))], total, query.Page, query.PageSize);
    }

    /// <summary>Creates a company an editor names (for the event form's "create company"); answers its slug, or field errors.</summary>
    public async Task<(PickerOption? Company, IReadOnlyDictionary<string, string[]> Errors)> CreateCompanyAsync(
        string? name, string? category, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || Slugs.From(trimmed).Length == 0)
        {
            errors["name"] = ["A company name with at least one letter or digit is required."];
        }
        else if (trimmed.Length > 200)
        {
            errors["name"] = [$"The name is {trimmed.Length} characters long; at most 200 are allowed."];
        }
        if (!EnumNames.TryParse<CompanyCategory>(category, out var parsedCategory))
        {
            errors["category"] = [$"Choose a category: one of {string.Join(", ", Enum.GetValues<CompanyCategory>().Select(EnumNames.Of))}."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var company = new Company(trimmed, parsedCategory);
        var clash = await db.Companies.AsNoTracking().Where(c => c.Slug == company.Slug || c.NameKey == company.NameKey)
            .Select(c => new { c.Name, c.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            errors["name"] = [$"{clash.Name} ({clash.Slug}) already exists; choose it from the list."];
            return (null, errors);
        }
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} created company {Slug}", actor, company.Slug);
        return (new PickerOption(company.Slug, company.Name), errors);
    }

    public async Task<IReadOnlyList<ArticleOption>> ArticleOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles.AsNoTracking()
            .Select(a => new ArticleOption(a.Id, a.FileName, a.Title, a.Paragraphs.Count))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.File, StringComparer.Ordinal)];
    }

    private static Task<TimelineEvent?> LoadTrackedAsync(IndustryTrackerDbContext db, int id, CancellationToken cancellationToken) =>
        db.Events.Include(e => e.Companies).Include(e => e.Models).AsSplitQuery().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>
    /// Saves with the version the editor saw as the original concurrency token, so a change saved by someone else
    /// between our read and this write fails instead of being overwritten. The event row is always marked modified,
    /// so a change of companies or models alone still bumps the version and stamps UpdatedBy.
    /// </summary>
    private static async Task<bool> TrySaveAsync(IndustryTrackerDbContext db, TimelineEvent entity, int expectedVersion, CancellationToken cancellationToken)
    {
        var entry = db.Entry(entity);
        entry.Property(e => e.UpdatedAt).IsModified = true;
        entry.Property(e => e.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task<EventEditResult> ConflictAsync(IndustryTrackerDbContext db, TimelineEvent stale, string actor, int expectedVersion, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.Events.IgnoreQueryFilters().AsNoTracking().Include(e => e.Companies).Include(e => e.Models)
            .AsSplitQuery().SingleOrDefaultAsync(e => e.Id == stale.Id, cancellationToken);
        if (current is null || current.IsDeleted)
        {
            return EventEditResult.NotFound;
        }
        logger.LogInformation(
            "{Actor} tried to change event {EventId} at version {ExpectedVersion}; it is at version {Version}, saved by {UpdatedBy}",
            actor, current.Id, expectedVersion, current.Version, current.UpdatedBy);
        return EventEditResult.Conflict(await DetailAsync(db, current, cancellationToken));
    }

    /// <summary>True when saving <paramref name="valid"/> would leave the event exactly as it is.</summary>
    private static bool Unchanged(TimelineEvent existing, ValidEventInput valid, Related related) =>
        related.Article is null
        && string.Equals(existing.Title, valid.Title.Trim(), StringComparison.Ordinal)
        && string.Equals(existing.Summary, valid.Summary, StringComparison.Ordinal)
        && existing.Category == valid.Category
        && Equals(existing.Date, valid.Date)
        && string.Equals(existing.SourceUrl, valid.SourceUrl, StringComparison.Ordinal)
        && existing.Companies.Select(c => c.Id).ToHashSet().SetEquals(related.Companies.Select(c => c.Id))
        && existing.Models.Select(m => m.Id).ToHashSet().SetEquals(related.Models.Select(m => m.Id));

    private sealed record Related(IReadOnlyList<Company> Companies, IReadOnlyList<AiModels.AiModel> Models, Article? Article);

    /// <summary>Field rules, then every slug and the article source against the database.</summary>
    private static async Task<(ValidEventInput? Valid, Related Related, Dictionary<string, string[]> Errors)> ResolveAsync(
        IndustryTrackerDbContext db, EventInput input, CancellationToken cancellationToken)
    {
        var none = new Related([], [], null);
        if (input is null)
        {
            return (null, none, new() { [""] = ["The request body must be an event."] });
        }
        var errors = EventRules.Check(input, out var valid);
        var companySlugs = Normalized(input.Companies);
        var modelSlugs = Normalized(input.Models);
        var companies = await db.Companies.Where(c => companySlugs.Contains(c.Slug)).ToListAsync(cancellationToken);
        var models = await db.AiModels.Where(m => modelSlugs.Contains(m.Slug)).ToListAsync(cancellationToken);
        var unknownCompanies = companySlugs.Except(companies.Select(c => c.Slug), StringComparer.Ordinal).ToList();
        if (unknownCompanies.Count > 0)
        {
            Add(errors, "companies", $"No company has the slug {string.Join(", ", unknownCompanies.Select(s => $"'{EventRules.Shorten(s)}'"))}.");
        }
        var unknownModels = modelSlugs.Except(models.Select(m => m.Slug), StringComparer.Ordinal).ToList();
        if (unknownModels.Count > 0)
        {
            Add(errors, "models", $"No model has the slug {string.Join(", ", unknownModels.Select(s => $"'{EventRules.Shorten(s)}'"))}.");
        }

        Article? article = null;
        if (input.SourceArticleId is { } articleId)
        {
            article = await db.Articles.Include(a => a.Paragraphs).SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
            if (article is null)
            {
                Add(errors, "sourceArticleId", $"No imported article has the id {articleId}.");
            }
            else if (input.SourceParagraph is > 0 and var number)
            {
                var paragraph = article.Paragraphs.FirstOrDefault(p => p.Number == number);
                if (paragraph is null)
                {
                    Add(errors, "sourceParagraph", $"{article.FileName} has no paragraph {number}; it has {article.Paragraphs.Count}.");
                }
                else if (!string.IsNullOrWhiteSpace(input.SourceQuote) && !Squeezed(paragraph.Text).Contains(Squeezed(input.SourceQuote), StringComparison.OrdinalIgnoreCase))
                {
                    Add(errors, "sourceQuote", $"The quote does not appear in paragraph {number} of {article.FileName}; copy it from the paragraph.");
                }
            }
        }
        return errors.Count == 0 ? (valid, new Related(companies, models, article), errors) : (null, none, errors);
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Normalized(IReadOnlyList<string>? slugs) =>
        [.. (slugs ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(EventRules.MaxSlugs + 1)];

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var e) ? [.. e, message] : [message];

    private static async Task<EventDetailDto> DetailAsync(IndustryTrackerDbContext db, TimelineEvent e, CancellationToken cancellationToken)
    {
        var sources = await db.Mentions.AsNoTracking()
            .Where(m => m.TimelineEventId == e.Id)
            .OrderBy(m => m.Article.FileName).ThenBy(m => m.Paragraph).ThenBy(m => m.Id)
            .Select(m => new SourceDto(m.Article.FileName, m.Paragraph, m.Quote))
            .ToListAsync(cancellationToken);
        return Detail(e, sources);
    }

    /// <summary>An event (its companies and models loaded) with its sources, as the editors see it.</summary>
    private static EventDetailDto Detail(TimelineEvent e, List<SourceDto> sources)
    {
        var companies = e.Companies.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var models = e.Models.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new EventDetailDto(
            e.Id,
            e.Title,
            e.Summary,
            EnumNames.Of(e.Category),
            DateDto.From(e.Date),
            [.. companies.Select(c => c.Name)],
            [.. models.Select(m => m.Name)],
            EnumNames.Of(e.Origin),
            sources,
            e.SourceUrl,
            e.Version,
            [.. companies.Select(c => c.Slug)],
            [.. models.Select(m => m.Slug)],
            e.UpdatedBy,
            e.UpdatedAt,
            e.DeletedAt,
            e.DeletedBy);
    }
}
