using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.History;

/// <summary>Checks that a merge is allowed and reads what it would move.</summary>
internal static class MergePlanner
{
    public static async Task<(HistoryResult Result, Company? Survivor, Company? Duplicate)> ValidateAsync(
        IndustryTrackerDbContext db, string survivorSlug, string duplicateSlug, CancellationToken cancellationToken)
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

    public static async Task<MergePlan> PlanAsync(IndustryTrackerDbContext db, Company survivor, Company duplicate, CancellationToken cancellationToken)
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
        var eventIds = await db.Set<EventCompany>().Where(l => l.CompanyId == d).Select(l => l.EventId).ToListAsync(cancellationToken);
        var survivorEvents = (await db.Set<EventCompany>().Where(l => l.CompanyId == s).Select(l => l.EventId).ToListAsync(cancellationToken)).ToHashSet();
        var models = await db.AiModels.Where(m => m.DeveloperId == d).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var recipient = await db.Investments.Where(i => i.RecipientId == d).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var participations = await db.Set<InvestmentParticipant>().Where(p => p.CompanyId == d).OrderBy(p => p.InvestmentId).Select(p => new { p.InvestmentId, p.IsLead }).ToListAsync(cancellationToken);
        var survivorParticipations = (await db.Set<InvestmentParticipant>().Where(p => p.CompanyId == s).Select(p => p.InvestmentId).ToListAsync(cancellationToken)).ToHashSet();
        var mentions = await db.Mentions.Where(m => m.CompanyId == d).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var valuations = await db.Valuations.Where(v => v.CompanyId == d).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(cancellationToken);
        return new MergePlan(
            aliasNames,
            subsidiaries,
            [.. eventIds.Order().Select(e => new EventLink(e, !survivorEvents.Contains(e)))],
            models,
            recipient,
            [.. participations.Select(p => new ParticipantLink(p.InvestmentId, p.IsLead, !survivorParticipations.Contains(p.InvestmentId)))],
            mentions,
            valuations);
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
}
