using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.History;

/// <summary>
/// Moves a duplicate's event links and participations to the survivor, and back when the merge is undone. Removals
/// run at once; new rows are added to the context for the merge's next save.
/// </summary>
internal static class MergeLinks
{
    public static async Task MoveToSurvivorAsync(IndustryTrackerDbContext db, MergePlan plan, Company survivor, int duplicateId, CancellationToken cancellationToken)
    {
        var events = plan.Events.Select(l => l.EventId).ToList();
        await db.Set<EventCompany>().Where(l => l.CompanyId == duplicateId && events.Contains(l.EventId)).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(plan.Events.Where(l => l.SurvivorAdded).Select(l => new EventCompany(l.EventId, survivor.Id)));

        var investments = plan.Participants.Select(p => p.InvestmentId).ToList();
        await db.Set<InvestmentParticipant>().Where(p => p.CompanyId == duplicateId && investments.Contains(p.InvestmentId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var link in plan.Participants.Where(p => p.SurvivorAdded))
        {
            AddParticipant(db, link.InvestmentId, survivor, link.IsLead);
        }
    }

    /// <summary>Gives the restored duplicate back its links, on events and investments that still exist; the survivor loses the links it only got from the merge.</summary>
    public static async Task MoveBackAsync(IndustryTrackerDbContext db, MergeSnapshot snapshot, int survivorId, Company restored, CancellationToken cancellationToken)
    {
        var survivorAddedEvents = snapshot.Events.Where(l => l.SurvivorAdded).Select(l => l.EventId).ToList();
        await db.Set<EventCompany>().Where(l => l.CompanyId == survivorId && survivorAddedEvents.Contains(l.EventId)).ExecuteDeleteAsync(cancellationToken);
        var events = snapshot.Events.Select(l => l.EventId).ToList();
        var linked = await db.Set<EventCompany>().Where(l => l.CompanyId == restored.Id && events.Contains(l.EventId)).Select(l => l.EventId).ToListAsync(cancellationToken);
        var existing = await db.Events.IgnoreQueryFilters().Where(e => events.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        db.AddRange(existing.Except(linked).Select(e => new EventCompany(e, restored.Id)));

        var survivorAddedInvestments = snapshot.Participants.Where(l => l.SurvivorAdded).Select(l => l.InvestmentId).ToList();
        await db.Set<InvestmentParticipant>().Where(p => p.CompanyId == survivorId && survivorAddedInvestments.Contains(p.InvestmentId)).ExecuteDeleteAsync(cancellationToken);
        var investments = snapshot.Participants.Select(l => l.InvestmentId).ToList();
        var participating = await db.Set<InvestmentParticipant>().Where(p => p.CompanyId == restored.Id && investments.Contains(p.InvestmentId)).Select(p => p.InvestmentId).ToListAsync(cancellationToken);
        var existingInvestments = (await db.Investments.IgnoreQueryFilters().Where(i => investments.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var link in snapshot.Participants.Where(l => existingInvestments.Contains(l.InvestmentId) && !participating.Contains(l.InvestmentId)))
        {
            AddParticipant(db, link.InvestmentId, restored, link.IsLead);
        }
    }

    private static void AddParticipant(IndustryTrackerDbContext db, int investmentId, Company company, bool isLead)
    {
        var participant = db.Entry(new InvestmentParticipant(company, isLead));
        participant.Property(p => p.InvestmentId).CurrentValue = investmentId;
        participant.Property(p => p.CompanyId).CurrentValue = company.Id;
        participant.State = EntityState.Added;
    }
}
