using System.Text.Json;
using System.Text.Json.Serialization;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IndustryTracker.Core.History;

/// <summary>What a merge of <see cref="Duplicate"/> into <see cref="Survivor"/> would move.</summary>
public sealed record MergePreview(
    string Survivor, string SurvivorSlug, string Duplicate, string DuplicateSlug,
    int Aliases, int Subsidiaries, int Events, int Models, int Investments, int Mentions);

/// <summary>The result of a merge: the outcome and, when done, the id of the <see cref="CompanyMerge"/> to undo it with.</summary>
public sealed record MergeResult(HistoryResult Result, int? MergeId = null, string? SurvivorSlug = null);

/// <summary>
/// Merges a duplicate company into a survivor and undoes such merges. Aliases (and the duplicate's own name, as an
/// alias), subsidiaries, event links, developed models, received investments, participations, valuations and mentions move to
/// the survivor; the duplicate is deleted. A <see cref="CompanyMerge"/> row keeps a JSON snapshot of the duplicate and
/// exactly what moved; undo recreates the duplicate with its id and slug and moves back exactly those things that
/// still point at the survivor, leaving later unrelated changes alone. Each operation is one transaction. What is
/// allowed and what moves: <see cref="MergePlanner"/>; the link rows: <see cref="MergeLinks"/>.
/// </summary>
public sealed class CompanyMerger(IDbContextFactory<IndustryTrackerDbContext> contextFactory, TimeProvider time, ILogger<CompanyMerger> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<(HistoryResult Result, MergePreview? Preview)> PreviewAsync(string survivorSlug, string duplicateSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (result, survivor, duplicate) = await MergePlanner.ValidateAsync(db, survivorSlug, duplicateSlug, cancellationToken);
        if (result.Outcome != HistoryOutcome.Done)
        {
            return (result, null);
        }
        var plan = await MergePlanner.PlanAsync(db, survivor!, duplicate!, cancellationToken);
        return (result, new MergePreview(
            survivor!.Name, survivor.Slug, duplicate!.Name, duplicate.Slug,
            plan.AliasNames.Count, plan.Subsidiaries.Count, plan.Events.Count, plan.Models.Count, plan.Investments, plan.Mentions.Count));
    }

    public async Task<MergeResult> MergeAsync(string survivorSlug, string duplicateSlug, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var (result, survivor, duplicate) = await MergePlanner.ValidateAsync(db, survivorSlug, duplicateSlug, cancellationToken);
        if (result.Outcome != HistoryOutcome.Done)
        {
            return new MergeResult(result);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await MergePlanner.PlanAsync(db, survivor!, duplicate!, cancellationToken);
        int s = survivor!.Id, d = duplicate!.Id;

        await db.Companies.Where(c => plan.Subsidiaries.Contains(c.Id)).ExecuteUpdateAsync(u => u.SetProperty(c => c.ParentId, s), cancellationToken);
        await MergeLinks.MoveToSurvivorAsync(db, plan, survivor, d, cancellationToken);
        await db.AiModels.Where(m => plan.Models.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.DeveloperId, s), cancellationToken);
        await db.Investments.Where(i => plan.Recipient.Contains(i.Id)).ExecuteUpdateAsync(u => u.SetProperty(i => i.RecipientId, s), cancellationToken);
        await db.Mentions.Where(m => plan.Mentions.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.CompanyId, s), cancellationToken);
        await db.Valuations.Where(v => plan.Valuations.Contains(v.Id)).ExecuteUpdateAsync(u => u.SetProperty(v => v.CompanyId, s), cancellationToken);

        var duplicateRow = new DuplicateRow(d, duplicate.Name, duplicate.Category, duplicate.Country, duplicate.HeadquartersCity, duplicate.Founded,
            duplicate.Summary, duplicate.ParentId, duplicate.CreatedAt, duplicate.CreatedBy, duplicate.UpdatedAt, duplicate.UpdatedBy, duplicate.Version);
        List<AliasRow> duplicateAliases = [.. duplicate.Aliases.Select(a => new AliasRow(a.Id, a.Name, a.Kind))];
        var added = plan.AliasNames.Select(a => survivor.AddAlias(a.Name, a.Kind) ? survivor.Aliases[^1] : null).OfType<CompanyAlias>().ToList();
        db.Companies.Remove(duplicate);
        var now = time.GetUtcNow();
        var merge = new CompanyMerge(s, survivor.Name, d, duplicate.Name, duplicate.Slug, "{}", actor, now);
        db.Set<CompanyMerge>().Add(merge);
        using (db.History.As(ChangeKind.Merged, merge))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var snapshot = new MergeSnapshot(duplicateRow, duplicateAliases, [.. added.Select(a => a.Id)], plan.Subsidiaries, plan.Events, plan.Models, plan.Recipient, plan.Participants, plan.Mentions)
        {
            Valuations = plan.Valuations,
        };
        merge.Record(JsonSerializer.Serialize(snapshot, Json));
        var changeSet = Guid.NewGuid();
        db.Set<HistoryEntry>().AddRange(
            new HistoryEntry(changeSet, HistoryEntities.Company, s, survivor.Name, "merge", null, $"Merged {duplicate.Name} into this company: {plan.Summary}", ChangeKind.Merged, actor, now) { MergeId = merge.Id },
            new HistoryEntry(changeSet, HistoryEntities.Company, d, duplicate.Name, "merge", duplicate.Name, $"Merged into {survivor.Name}: {plan.Summary}", ChangeKind.Merged, actor, now) { MergeId = merge.Id });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} merged company {Duplicate} into {Survivor} (merge {MergeId})", actor, duplicate.Slug, survivor.Slug, merge.Id);
        return new MergeResult(HistoryResult.Done, merge.Id, survivor.Slug);
    }

    public async Task<MergeResult> UndoAsync(int mergeId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var merge = await db.Set<CompanyMerge>().FirstOrDefaultAsync(m => m.Id == mergeId, cancellationToken);
        if (merge is null)
        {
            return new MergeResult(HistoryResult.NotFound($"There is no merge {mergeId}."));
        }
        if (merge.IsUndone)
        {
            return new MergeResult(HistoryResult.Conflict($"The merge of {merge.DuplicateName} into {merge.SurvivorName} was already undone ({merge.UndoneAt:u} by {merge.UndoneBy})."));
        }
        var snapshot = JsonSerializer.Deserialize<MergeSnapshot>(merge.Snapshot, Json)
            ?? throw new InvalidOperationException($"Merge {mergeId} has no snapshot.");
        var survivor = await db.Companies.FirstOrDefaultAsync(c => c.Id == merge.SurvivorId, cancellationToken);
        if (survivor is null)
        {
            return new MergeResult(HistoryResult.Conflict($"{merge.SurvivorName} no longer exists (merged or deleted since), so the merge of {merge.DuplicateName} cannot be undone."));
        }
        var taken = await db.Companies.IgnoreAutoIncludes().Where(c => c.Slug == merge.DuplicateSlug || c.Id == merge.DuplicateId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            return new MergeResult(HistoryResult.Conflict($"The slug '{merge.DuplicateSlug}' is used again (by {taken}) since the merge, so {merge.DuplicateName} cannot be restored."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int s = survivor.Id, d = snapshot.Duplicate.Id;
        var row = snapshot.Duplicate;
        var restored = await RestoreDuplicateAsync(db, snapshot, cancellationToken);
        foreach (var alias in survivor.Aliases.Where(a => snapshot.AddedSurvivorAliasIds.Contains(a.Id)).ToList())
        {
            db.CompanyAliases.Remove(alias);
        }
        merge.MarkUndone(actor, time.GetUtcNow());
        using (db.History.As(ChangeKind.Unmerged, merge))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        // Back exactly what moved and still points at the survivor; later, unrelated changes stay.
        await db.Companies.Where(c => c.Id == d).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.CreatedAt, row.CreatedAt).SetProperty(c => c.CreatedBy, row.CreatedBy)
            .SetProperty(c => c.UpdatedAt, row.UpdatedAt).SetProperty(c => c.UpdatedBy, row.UpdatedBy)
            .SetProperty(c => c.Version, row.Version), cancellationToken);
        await db.Companies.Where(c => snapshot.Subsidiaries.Contains(c.Id) && c.ParentId == s).ExecuteUpdateAsync(u => u.SetProperty(c => c.ParentId, d), cancellationToken);
        await MergeLinks.MoveBackAsync(db, snapshot, s, restored, cancellationToken);
        await db.AiModels.Where(m => snapshot.Models.Contains(m.Id) && m.DeveloperId == s).ExecuteUpdateAsync(u => u.SetProperty(m => m.DeveloperId, d), cancellationToken);
        await db.Investments.Where(i => snapshot.Recipient.Contains(i.Id) && i.RecipientId == s).ExecuteUpdateAsync(u => u.SetProperty(i => i.RecipientId, d), cancellationToken);
        await db.Mentions.Where(m => snapshot.Mentions.Contains(m.Id) && m.CompanyId == s).ExecuteUpdateAsync(u => u.SetProperty(m => m.CompanyId, d), cancellationToken);
        var valuations = snapshot.Valuations ?? [];
        await db.Valuations.Where(v => valuations.Contains(v.Id) && v.CompanyId == s).ExecuteUpdateAsync(u => u.SetProperty(v => v.CompanyId, d), cancellationToken);

        var now = time.GetUtcNow();
        var changeSet = Guid.NewGuid();
        db.Set<HistoryEntry>().AddRange(
            new HistoryEntry(changeSet, HistoryEntities.Company, s, survivor.Name, "merge", $"Merged {row.Name} into this company", $"Undid the merge of {row.Name}", ChangeKind.Unmerged, actor, now) { MergeId = merge.Id },
            new HistoryEntry(changeSet, HistoryEntities.Company, d, row.Name, "merge", $"Merged into {survivor.Name}", row.Name, ChangeKind.Unmerged, actor, now) { MergeId = merge.Id });
        using (db.History.As(ChangeKind.Unmerged, merge))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} undid merge {MergeId}: {Duplicate} restored from {Survivor}", actor, merge.Id, merge.DuplicateSlug, survivor.Slug);
        return new MergeResult(HistoryResult.Done, merge.Id, survivor.Slug);
    }

    /// <summary>The duplicate as the snapshot keeps it, with its id, aliases (with their ids) and parent, added to the context.</summary>
    private static async Task<Company> RestoreDuplicateAsync(IndustryTrackerDbContext db, MergeSnapshot snapshot, CancellationToken cancellationToken)
    {
        var row = snapshot.Duplicate;
        var restored = new Company(row.Name, row.Category)
        {
            Country = row.Country,
            HeadquartersCity = row.HeadquartersCity,
            Founded = row.Founded,
            Summary = row.Summary,
        };
        if (row.ParentId is { } parentId && await db.Companies.FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken) is { } parent)
        {
            restored.SetParent(parent);
        }
        foreach (var alias in snapshot.DuplicateAliases)
        {
            restored.AddAlias(alias.Name, alias.Kind);
        }
        db.Companies.Add(restored);
        db.Entry(restored).Property(c => c.Id).CurrentValue = row.Id;
        foreach (var alias in restored.Aliases)
        {
            db.Entry(alias).Property(a => a.Id).CurrentValue = snapshot.DuplicateAliases.First(a => string.Equals(a.Name, alias.Name, StringComparison.Ordinal)).Id;
        }
        return restored;
    }
}
