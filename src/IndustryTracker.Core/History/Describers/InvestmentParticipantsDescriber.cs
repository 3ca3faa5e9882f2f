using IndustryTracker.Core.Investments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IndustryTracker.Core.History.Describers;

/// <summary>An investment's participants, recorded as "participants" ("Tencent (lead)").</summary>
internal sealed class InvestmentParticipantsDescriber : LinkDescriber<InvestmentParticipant, Investment>
{
    public override string Field => "participants";

    public override bool Changes(EntityState state) => state is EntityState.Added or EntityState.Deleted or EntityState.Modified;

    public override bool MovedByMerges => true;

    public override int OwnerId(EntityEntry link) => (int)link.Property(nameof(InvestmentParticipant.InvestmentId)).CurrentValue!;

    public override async Task<(List<string> Before, List<string> After)> ListsAsync(DbContext db, int ownerId, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var stored = await db.Set<InvestmentParticipant>().AsNoTracking().Where(p => p.InvestmentId == ownerId).Select(p => new { p.CompanyId, p.IsLead }).ToListAsync(cancellationToken);
        var before = stored.ToDictionary(p => p.CompanyId, p => p.IsLead);
        var after = new Dictionary<int, bool>(before);
        foreach (var entry in changed)
        {
            var companyId = (int)entry.Property(nameof(InvestmentParticipant.CompanyId)).CurrentValue!;
            if (entry.State == EntityState.Deleted)
            {
                after.Remove(companyId);
            }
            else
            {
                after[companyId] = ((InvestmentParticipant)entry.Entity).IsLead;
            }
        }
        var names = await RecordNames.CompaniesAsync(db, [.. before.Keys, .. after.Keys], cancellationToken);
        return ([.. before.Select(p => names[p.Key] + (p.Value ? " (lead)" : ""))], [.. after.Select(p => names[p.Key] + (p.Value ? " (lead)" : ""))]);
    }
}
