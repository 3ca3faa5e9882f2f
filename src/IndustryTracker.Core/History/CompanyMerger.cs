using System.Text.Json;
using System.Text.Json.Serialization;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
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
/// still point at the survivor, leaving later unrelated changes alone. Each operation is one transaction.
/// </summary>
public sealed class CompanyMerger(IDbContextFactory<IndustryTrackerDbContext> contextFactory, TimeProvider time, ILogger<CompanyMerger> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<(HistoryResult Result, MergePreview? Preview)> PreviewAsync(string survivorSlug, string duplicateSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (result, survivor, duplicate) = await ValidateAsync(db, survivorSlug, duplicateSlug, cancellationToken);
        if (result.Outcome != HistoryOutcome.Done)
        {
            return (result, null);
        }
        var plan = await PlanAsync(db, survivor!, duplicate!, cancellationToken);
        return (result, new MergePreview(
            survivor!.Name, survivor.Slug, duplicate!.Name, duplicate.Slug,
            plan.AliasNames.Count, plan.Subsidiaries.Count, plan.Events.Count, plan.Models.Count,
            plan.Recipient.Concat(plan.Participants.Select(p => p.InvestmentId)).Distinct().Count(), plan.Mentions.Count));
    }

    public async Task<MergeResult> MergeAsync(string survivorSlug, string duplicateSlug, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = actor;
        var (result, survivor, duplicate) = await ValidateAsync(db, survivorSlug, duplicateSlug, cancellationToken);
        if (result.Outcome != HistoryOutcome.Done)
        {
            return new MergeResult(result);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(db, survivor!, duplicate!, cancellationToken);
        int s = survivor!.Id, d = duplicate!.Id;

        await db.Companies.Where(c => plan.Subsidiaries.Contains(c.Id)).ExecuteUpdateAsync(u => u.SetProperty(c => c.ParentId, s), cancellationToken);
        foreach (var link in plan.Events)
        {
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "EventCompanies" WHERE "EventId" = {link.EventId} AND "CompanyId" = {d}""", cancellationToken);
            if (link.SurvivorAdded)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "EventCompanies" ("EventId", "CompanyId") VALUES ({link.EventId}, {s})""", cancellationToken);
            }
        }
        await db.AiModels.Where(m => plan.Models.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.DeveloperId, s), cancellationToken);
        await db.Investments.Where(i => plan.Recipient.Contains(i.Id)).ExecuteUpdateAsync(u => u.SetProperty(i => i.RecipientId, s), cancellationToken);
        foreach (var link in plan.Participants)
        {
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "InvestmentParticipants" WHERE "InvestmentId" = {link.InvestmentId} AND "CompanyId" = {d}""", cancellationToken);
            if (link.SurvivorAdded)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "InvestmentParticipants" ("InvestmentId", "CompanyId", "IsLead") VALUES ({link.InvestmentId}, {s}, {link.IsLead})""", cancellationToken);
            }
        }
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
        using (HistoryInterceptor.RecordAs(db, ChangeKind.Merged, () => merge.Id))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var snapshot = new MergeSnapshot(duplicateRow, duplicateAliases, [.. added.Select(a => a.Id)], plan.Subsidiaries, plan.Events, plan.Models, plan.Recipient, plan.Participants, plan.Mentions)
        {
            Valuations = plan.Valuations,
        };
        merge.Record(JsonSerializer.Serialize(snapshot, Json));
        var summary = Summary(plan);
        var changeSet = Guid.NewGuid();
        db.Set<HistoryEntry>().AddRange(
            new HistoryEntry(changeSet, HistoryEntities.Company, s, survivor.Name, "merge", null, $"Merged {duplicate.Name} into this company: {summary}", ChangeKind.Merged, actor, now) { MergeId = merge.Id },
            new HistoryEntry(changeSet, HistoryEntities.Company, d, duplicate.Name, "merge", duplicate.Name, $"Merged into {survivor.Name}: {summary}", ChangeKind.Merged, actor, now) { MergeId = merge.Id });
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
        db.Entry(restored).Property(c => c.Id).CurrentValue = d;
        foreach (var alias in restored.Aliases)
        {
            db.Entry(alias).Property(a => a.Id).CurrentValue = snapshot.DuplicateAliases.First(a => string.Equals(a.Name, alias.Name, StringComparison.Ordinal)).Id;
        }
        foreach (var alias in survivor.Aliases.Where(a => snapshot.AddedSurvivorAliasIds.Contains(a.Id)).ToList())
        {
            db.CompanyAliases.Remove(alias);
        }
        merge.MarkUndone(actor, time.GetUtcNow());
        using (HistoryInterceptor.RecordAs(db, ChangeKind.Unmerged, () => merge.Id))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        // Back exactly what moved and still points at the survivor; later, unrelated changes stay.
        await db.Companies.Where(c => c.Id == d).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.CreatedAt, row.CreatedAt).SetProperty(c => c.CreatedBy, row.CreatedBy)
            .SetProperty(c => c.UpdatedAt, row.UpdatedAt).SetProperty(c => c.UpdatedBy, row.UpdatedBy)
            .SetProperty(c => c.Version, row.Version), cancellationToken);
        await db.Companies.Where(c => snapshot.Subsidiaries.Contains(c.Id) && c.ParentId == s).ExecuteUpdateAsync(u => u.SetProperty(c => c.ParentId, d), cancellationToken);
        foreach (var link in snapshot.Events)
        {
            if (link.SurvivorAdded)
            {
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "EventCompanies" WHERE "EventId" = {link.EventId} AND "CompanyId" = {s}""", cancellationToken);
            }
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "EventCompanies" ("EventId", "CompanyId")
                SELECT e."Id", {d} FROM "Events" AS e
                WHERE e."Id" = {link.EventId} AND NOT EXISTS (SELECT 1 FROM "EventCompanies" AS l WHERE l."EventId" = {link.EventId} AND l."CompanyId" = {d})
                """, cancellationToken);
        }
        await db.AiModels.Where(m => snapshot.Models.Contains(m.Id) && m.DeveloperId == s).ExecuteUpdateAsync(u => u.SetProperty(m => m.DeveloperId, d), cancellationToken);
        await db.Investments.Where(i => snapshot.Recipient.Contains(i.Id) && i.RecipientId == s).ExecuteUpdateAsync(u => u.SetProperty(i => i.RecipientId, d), cancellationToken);
        foreach (var link in snapshot.Participants)
        {
            if (link.SurvivorAdded)
            {
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "InvestmentParticipants" WHERE "InvestmentId" = {link.InvestmentId} AND "CompanyId" = {s}""", cancellationToken);
            }
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "InvestmentParticipants" ("InvestmentId", "CompanyId", "IsLead")
                SELECT i."Id", {d}, {link.IsLead} FROM "Investments" AS i
                WHERE i."Id" = {link.InvestmentId} AND NOT EXISTS (SELECT 1 FROM "InvestmentParticipants" AS p WHERE p."InvestmentId" = {link.InvestmentId} AND p."CompanyId" = {d})
                """, cancellationToken);
        }
        await db.Mentions.Where(m => snapshot.Mentions.Contains(m.Id) && m.CompanyId == s).ExecuteUpdateAsync(u => u.SetProperty(m => m.CompanyId, d), cancellationToken);
        var valuations = snapshot.Valuations ?? [];
        await db.Valuations.Where(v => valuations.Contains(v.Id) && v.CompanyId == s).ExecuteUpdateAsync(u => u.SetProperty(v => v.CompanyId, d), cancellationToken);

        var now = time.GetUtcNow();
        var changeSet = Guid.NewGuid();
        db.Set<HistoryEntry>().AddRange(
            new HistoryEntry(changeSet, HistoryEntities.Company, s, survivor.Name, "merge", $"Merged {row.Name} into this company", $"Undid the merge of {row.Name}", ChangeKind.Unmerged, actor, now) { MergeId = merge.Id },
            new HistoryEntry(changeSet, HistoryEntities.Company, d, row.Name, "merge", $"Merged into {survivor.Name}", row.Name, ChangeKind.Unmerged, actor, now) { MergeId = merge.Id });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} undid merge {MergeId}: {Duplicate} restored from {Survivor}", actor, merge.Id, merge.DuplicateSlug, survivor.Slug);
        return new MergeResult(HistoryResult.Done, merge.Id, survivor.Slug);
    }

    private static async Task<(HistoryResult, Company?, Company?)> ValidateAsync(IndustryTrackerDbContext db, string survivorSlug, string duplicateSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(duplicateSlug))
        {
            return (HistoryResult.Invalid("Name the duplicate company to merge (its slug)."), null, null);
        }
        if (string.Equals(survivorSlug.Trim(), duplicateSlug.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return (HistoryResult.Invalid("A company cannot be merged into itself."), null, null);
        }
        var survivor = await db.Companies.FirstOrDefaultAsync(c => c.Slug == survivorSlug.Trim(), cancellationToken);
        if (survivor is null)
        {
            return (HistoryResult.Invalid($"No company has the slug '{survivorSlug}'."), null, null);
        }
        var duplicate = await db.Companies.FirstOrDefaultAsync(c => c.Slug == duplicateSlug.Trim(), cancellationToken);
        if (duplicate is null)
        {
            return (HistoryResult.Invalid($"No company has the slug '{duplicateSlug}'."), null, null);
        }
        if (await IsAncestorAsync(db, survivor.Id, of: duplicate.Id, cancellationToken))
        {
            return (HistoryResult.Invalid($"{survivor.Name} is a parent of {duplicate.Name}; a company cannot be merged into its own parent. Remove the parent link first."), null, null);
        }
        if (await IsAncestorAsync(db, duplicate.Id, of: survivor.Id, cancellationToken))
        {
            return (HistoryResult.Invalid($"{survivor.Name} is a subsidiary of {duplicate.Name}; a company cannot be merged into its own subsidiary. Remove the parent link first."), null, null);
        }
        return (HistoryResult.Done, survivor, duplicate);
    }

    private static async Task<bool> IsAncestorAsync(IndustryTrackerDbContext db, int candidate, int of, CancellationToken cancellationToken)
    {
        var seen = new HashSet<int> { of };
        int? current = of;
        while (current is { } id)
        {
            current = await db.Companies.IgnoreAutoIncludes().Where(c => c.Id == id).Select(c => c.ParentId).FirstOrDefaultAsync(cancellationToken);
            if (current == candidate)
            {
                return true;
            }
            if (current is { } next && !seen.Add(next))
            {
                return false;
            }
        }
        return false;
    }

    private static async Task<Plan> PlanAsync(IndustryTrackerDbContext db, Company survivor, Company duplicate, CancellationToken cancellationToken)
    {
        int s = survivor.Id, d = duplicate.Id;
        var aliasNames = new List<(string Name, AliasKind Kind)>();
        foreach (var (name, kind) in duplicate.Aliases.Select(a => (a.Name, a.Kind)).Prepend((duplicate.Name, AliasKind.Alias)))
        {
            if (!survivor.AnswersTo(name) && !aliasNames.Any(a => Text.CompanyNames.Key(a.Name) == Text.CompanyNames.Key(name)))
            {
                aliasNames.Add((name, kind));
            }
        }
        var subsidiaries = await db.Companies.IgnoreAutoIncludes().Where(c => c.ParentId == d).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var eventIds = await Links(db, "EventCompanies", "EventId", d).ToListAsync(cancellationToken);
        var survivorEvents = (await Links(db, "EventCompanies", "EventId", s).ToListAsync(cancellationToken)).ToHashSet();
        var models = await db.AiModels.Where(m => m.DeveloperId == d).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var recipient = await db.Investments.Where(i => i.RecipientId == d).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var participations = await db.Set<Investments.InvestmentParticipant>().Where(p => p.CompanyId == d).OrderBy(p => p.InvestmentId).Select(p => new { p.InvestmentId, p.IsLead }).ToListAsync(cancellationToken);
        var survivorParticipations = (await db.Set<Investments.InvestmentParticipant>().Where(p => p.CompanyId == s).Select(p => p.InvestmentId).ToListAsync(cancellationToken)).ToHashSet();
        var mentions = await db.Mentions.Where(m => m.CompanyId == d).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var valuations = await db.Valuations.Where(v => v.CompanyId == d).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(cancellationToken);
        return new Plan(
            aliasNames,
            subsidiaries,
            [.. eventIds.Order().Select(e => new EventLink(e, !survivorEvents.Contains(e)))],
            models,
            recipient,
            [.. participations.Select(p => new ParticipantLink(p.InvestmentId, p.IsLead, !survivorParticipations.Contains(p.InvestmentId)))],
            mentions,
            valuations);
    }

    private static IQueryable<int> Links(IndustryTrackerDbContext db, string table, string column, int companyId) =>
        db.Set<Dictionary<string, object>>(table).Where(j => EF.Property<int>(j, "CompanyId") == companyId).Select(j => EF.Property<int>(j, column));

    private static string Summary(Plan plan) =>
        $"{plan.AliasNames.Count} alias(es), {plan.Subsidiaries.Count} subsidiary(ies), {plan.Events.Count} event(s), {plan.Models.Count} model(s), " +
        $"{plan.Recipient.Concat(plan.Participants.Select(p => p.InvestmentId)).Distinct().Count()} investment(s), {plan.Mentions.Count} mention(s) moved";

    private sealed record Plan(
        List<(string Name, AliasKind Kind)> AliasNames,
        List<int> Subsidiaries,
        List<EventLink> Events,
        List<int> Models,
        List<int> Recipient,
        List<ParticipantLink> Participants,
        List<int> Mentions,
        List<int> Valuations);

    internal sealed record MergeSnapshot(
        DuplicateRow Duplicate,
        List<AliasRow> DuplicateAliases,
        List<int> AddedSurvivorAliasIds,
        List<int> Subsidiaries,
        List<EventLink> Events,
        List<int> Models,
        List<int> Recipient,
        List<ParticipantLink> Participants,
        List<int> Mentions)
    {
        /// <summary>The duplicate's valuations, moved to the survivor (absent from snapshots made before valuations existed).</summary>
        public List<int>? Valuations { get; init; }
    }

    internal sealed record DuplicateRow(
        int Id, string Name, CompanyCategory Category, string? Country, string? HeadquartersCity, FuzzyDate? Founded, string? Summary, int? ParentId,
        DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset UpdatedAt, string? UpdatedBy, int Version);

    internal sealed record AliasRow(int Id, string Name, AliasKind Kind);

    internal sealed record EventLink(int EventId, bool SurvivorAdded);

    internal sealed record ParticipantLink(int InvestmentId, bool IsLead, bool SurvivorAdded);
}
