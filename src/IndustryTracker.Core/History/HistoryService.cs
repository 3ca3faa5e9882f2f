using System.Text.Json;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Text;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IndustryTracker.Core.History;

/// <summary>One history entry as the API and the History tab show it.</summary>
public sealed record HistoryEntryDto(
    long Id,
    Guid ChangeSetId,
    string Entity,
    int EntityId,
    string EntityLabel,
    string Field,
    string? OldValue,
    string? NewValue,
    string? OldDisplay,
    string? NewDisplay,
    string Kind,
    string Actor,
    DateTimeOffset At,
    int? MergeId,
    bool CanRevert);

public enum HistoryOutcome
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>The result of a revert or a merge operation: an outcome and, unless done, one clear message.</summary>
public sealed record HistoryResult(HistoryOutcome Outcome, string? Message = null)
{
    public static HistoryResult Done { get; } = new(HistoryOutcome.Done);

    public static HistoryResult NotFound(string message) => new(HistoryOutcome.NotFound, message);

    public static HistoryResult Invalid(string message) => new(HistoryOutcome.Invalid, message);

    public static HistoryResult Conflict(string message) => new(HistoryOutcome.Conflict, message);
}

/// <summary>Reads the history of a record and reverts single entries.</summary>
public sealed class HistoryService(IDbContextFactory<IndustryTrackerDbContext> contextFactory)
{
    private static readonly HashSet<string> OwnedFields = new(StringComparer.Ordinal) { "date", "founded", "releaseDate", "announced", "money" };
    private static readonly HashSet<string> ListFields = new(StringComparer.Ordinal) { "companies", "models" };

    /// <summary>The entries of one record, newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntryDto>> ListAsync(string entity, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<HistoryEntry>().AsNoTracking()
            .Where(h => h.EntityType == entity && h.EntityId == id)
            .OrderByDescending(h => h.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToDto)];
    }

    /// <summary>The id of the company or model with this slug (history is kept by id), or null.</summary>
    public async Task<int?> IdOfAsync(string entity, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return entity switch
        {
            HistoryEntities.Company => await db.Companies.IgnoreAutoIncludes().Where(c => c.Slug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken),
            HistoryEntities.Model => await db.AiModels.Where(m => m.Slug == slug).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
    }

    public async Task<HistoryEntryDto?> FindAsync(long entryId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<HistoryEntry>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == entryId, cancellationToken);
        return row is null ? null : ToDto(row);
    }

    public static HistoryEntryDto ToDto(HistoryEntry h) => new(
        h.Id, h.ChangeSetId, h.EntityType, h.EntityId, h.EntityLabel, h.Field, h.OldValue, h.NewValue,
        HistoryValues.Display(h.OldValue), HistoryValues.Display(h.NewValue),
        h.Kind.ToString().ToLowerInvariant(), h.Actor, h.At, h.MergeId, WhyNotRevertable(h) is null);

    /// <summary>Null when the entry can be reverted, else why not.</summary>
    public static string? WhyNotRevertable(HistoryEntry entry)
    {
        if (entry.Field == HistoryEntry.RecordField || entry.Kind == ChangeKind.Created)
        {
            return entry.Kind == ChangeKind.Created
                ? "A creation cannot be reverted; delete the record instead."
                : "Deleting or restoring a whole record cannot be reverted from its history.";
        }
        if (entry.Kind is ChangeKind.Merged or ChangeKind.Unmerged)
        {
            return "A merge is not reverted field by field; undo the merge instead.";
        }
        if (entry.Field is "aliases" or "participants" or "parent" or "developer" or "recipient" or "investment")
        {
            return $"The {entry.Field} of a record cannot be reverted from its history; edit the record instead.";
        }
        return null;
    }

    /// <summary>
    /// Sets the entry's field back to its old value, recorded as a "reverted" entry. Refuses (conflict) when the field
    /// changed again since the entry, so a later change is never clobbered.
    /// </summary>
    public async Task<HistoryResult> RevertAsync(long entryId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var entry = await db.Set<HistoryEntry>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return HistoryResult.NotFound($"There is no history entry {entryId}.");
        }
        if (WhyNotRevertable(entry) is { } reason)
        {
            return HistoryResult.Invalid(reason);
        }

        object? record = entry.EntityType switch
        {
            HistoryEntities.Event => await db.Events.IgnoreQueryFilters().FirstOrDefaultAsync(e => e.Id == entry.EntityId, cancellationToken),
            HistoryEntities.Company => await db.Companies.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == entry.EntityId, cancellationToken),
            HistoryEntities.Model => await db.AiModels.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == entry.EntityId, cancellationToken),
            HistoryEntities.Investment => await db.Investments.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == entry.EntityId, cancellationToken),
            _ => null,
        };
        if (record is null)
        {
            return HistoryResult.Conflict($"The {entry.EntityType} '{entry.EntityLabel}' no longer exists.");
        }
        var tracked = db.Entry(record);

        var result = ListFields.Contains(entry.Field) && record is TimelineEvent timelineEvent
            ? await RevertLinksAsync(db, timelineEvent, entry, cancellationToken)
            : OwnedFields.Contains(entry.Field)
                ? RevertOwned(tracked, entry)
                : RevertScalar(tracked, entry);
        if (result.Outcome != HistoryOutcome.Done)
        {
            return result;
        }

        using (db.History.As(ChangeKind.Reverted))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return HistoryResult.Conflict($"The {entry.EntityType} '{entry.EntityLabel}' was changed by someone else meanwhile; reload and try again.");
            }
            catch (DbUpdateException ex)
            {
                return HistoryResult.Conflict($"The old value cannot be restored: {ex.GetBaseException().Message}");
            }
        }
        return HistoryResult.Done;
    }

    private static HistoryResult Changed(HistoryEntry entry) =>
        HistoryResult.Conflict($"The {entry.Field} of '{entry.EntityLabel}' has changed since this entry; it is not reverted so the later change is kept. Revert the newer entry instead.");

    private static HistoryResult RevertScalar(EntityEntry tracked, HistoryEntry entry)
    {
        var propertyName = HistoryValues.PropertyName(entry.Field);
        var property = tracked.Metadata.FindProperty(propertyName);
        if (property is null || HistoryValues.Ignored.Contains(propertyName) || property.IsForeignKey())
        {
            return HistoryResult.Invalid($"The field '{entry.Field}' cannot be reverted.");
        }
        var current = tracked.Property(propertyName);
        if (HistoryValues.Format(current.CurrentValue) != entry.NewValue)
        {
            return Changed(entry);
        }
        object? old;
        try
        {
            old = HistoryValues.Parse(entry.OldValue, property.ClrType);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidCastException)
        {
            return HistoryResult.Invalid($"The old value of '{entry.Field}' cannot be restored: {ex.Message}");
        }
        switch (tracked.Entity, propertyName)
        {
            case (TimelineEvent e, nameof(TimelineEvent.Title)) when old is string title && !string.IsNullOrWhiteSpace(title):
                e.Retitle(title);
                break;
            case (Company c, nameof(Company.Name)) when old is string name && Slugs.From(name).Length > 0:
                c.Rename(name);
                break;
            case (AiModel m, nameof(AiModel.Name)) when old is string name && Slugs.From(name).Length > 0:
                m.Rename(name);
                break;
            case (_, "Title" or "Name"):
                return HistoryResult.Invalid($"The old value of '{entry.Field}' is not a valid name.");
            default:
                current.CurrentValue = old;
                break;
        }
        return HistoryResult.Done;
    }

    private static HistoryResult RevertOwned(EntityEntry tracked, HistoryEntry entry)
    {
        var navigation = tracked.Metadata.FindNavigation(HistoryValues.PropertyName(entry.Field));
        if (navigation is null || !navigation.TargetEntityType.IsOwned())
        {
            return HistoryResult.Invalid($"The field '{entry.Field}' cannot be reverted.");
        }
        var reference = tracked.Reference(navigation.Name);
        var current = reference.TargetEntry is { } target ? OwnedValueJson.Write(target, original: false) : null;
        if (current != entry.NewValue)
        {
            return Changed(entry);
        }
        object? old;
        try
        {
            old = entry.OldValue is null ? null : ReadOwned(navigation.ClrType, entry.OldValue);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return HistoryResult.Invalid($"The old value of '{entry.Field}' cannot be restored: {ex.Message}");
        }
        if (old is null && navigation.ForeignKey.IsRequiredDependent)
        {
            return HistoryResult.Invalid($"The {entry.Field} cannot be empty.");
        }
        reference.CurrentValue = old;
        return HistoryResult.Done;
    }

    private static object ReadOwned(Type type, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (type == typeof(FuzzyDate))
        {
            return new FuzzyDate(
                root.GetProperty("label").GetString()!,
                DateOnly.ParseExact(root.GetProperty("start").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.ParseExact(root.GetProperty("end").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Enum.Parse<DatePrecision>(root.GetProperty("precision").GetString()!));
        }
        if (type == typeof(Money))
        {
            return new Money(
                root.GetProperty("amount").GetDecimal(),
                root.GetProperty("currency").GetString()!,
                root.GetProperty("asReported").GetString()!,
                root.GetProperty("isLowerBound").GetBoolean());
        }
        throw new InvalidOperationException($"Values of type {type.Name} cannot be restored.");
    }

    private static async Task<HistoryResult> RevertLinksAsync(IndustryTrackerDbContext db, TimelineEvent timelineEvent, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var companies = entry.Field == "companies";
        var targetNames = HistoryValues.ReadNameList(entry.OldValue);
        var targetSlugs = targetNames.Select(Slugs.From).ToList();
        var companyLinks = companies ? await db.Set<EventCompany>().Where(l => l.EventId == timelineEvent.Id).ToListAsync(cancellationToken) : [];
        var modelLinks = companies ? [] : await db.Set<EventModel>().Where(l => l.EventId == timelineEvent.Id).ToListAsync(cancellationToken);
        List<int> currentIds = companies ? [.. companyLinks.Select(l => l.CompanyId)] : [.. modelLinks.Select(l => l.AiModelId)];

        Dictionary<int, string> currentNames;
        Dictionary<string, int> targetIds;
        if (companies)
        {
            currentNames = await db.Companies.IgnoreAutoIncludes().Where(c => currentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            targetIds = await db.Companies.IgnoreAutoIncludes().Where(c => targetSlugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        }
        else
        {
            currentNames = await db.AiModels.Where(m => currentIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
            targetIds = await db.AiModels.Where(m => targetSlugs.Contains(m.Slug)).ToDictionaryAsync(m => m.Slug, m => m.Id, cancellationToken);
        }
        if (HistoryValues.NameList(currentIds.Select(id => currentNames.GetValueOrDefault(id, $"#{id}"))) != entry.NewValue)
        {
            return Changed(entry);
        }
        var missing = targetNames.Where(n => !targetIds.ContainsKey(Slugs.From(n))).ToList();
        if (missing.Count > 0)
        {
            return HistoryResult.Conflict($"The {entry.Field} cannot be restored: {string.Join(", ", missing)} no longer exist(s).");
        }

        var wanted = targetIds.Values.ToHashSet();
        var added = wanted.Where(id => !currentIds.Contains(id)).ToList();
        if (companies)
        {
            db.RemoveRange(companyLinks.Where(l => !wanted.Contains(l.CompanyId)));
            db.AddRange(added.Select(id => new EventCompany(timelineEvent.Id, id)));
        }
        else
        {
            db.RemoveRange(modelLinks.Where(l => !wanted.Contains(l.AiModelId)));
            db.AddRange(added.Select(id => new EventModel(timelineEvent.Id, id)));
        }
        db.Entry(timelineEvent).Property(e => e.Version).IsModified = true;
        return HistoryResult.Done;
    }
}
