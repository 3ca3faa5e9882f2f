using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IndustryTracker.Core.History.Describers;

/// <summary>
/// Describes rows that make up a list on a record (an event's companies, a company's aliases, …): the rows one save
/// adds or removes become one entry on the owning record, the list before and after as names.
/// </summary>
internal abstract class LinkDescriber
{
    public static IReadOnlyList<LinkDescriber> All { get; } =
        [new EventCompaniesDescriber(), new EventModelsDescriber(), new CompanyAliasesDescriber(), new InvestmentParticipantsDescriber()];

    public abstract Type LinkType { get; }

    /// <summary>The record type that owns the list.</summary>
    public abstract Type OwnerType { get; }

    /// <summary>The field the list is recorded as on its owner.</summary>
    public abstract string Field { get; }

    /// <summary>Rows a company merge moves between the two companies; the merge's summary entries record them.</summary>
    public virtual bool MovedByMerges => false;

    /// <summary>Whether a row in this state changes the list (an added or removed row; a participant's lead flag too).</summary>
    public virtual bool Changes(EntityState state) => state is EntityState.Added or EntityState.Deleted;

    /// <summary>The id of the record that owns the changed row.</summary>
    public abstract int OwnerId(EntityEntry link);

    /// <summary>The owner's list as stored and as it is after the save, as display names.</summary>
    public abstract Task<(List<string> Before, List<string> After)> ListsAsync(DbContext db, int ownerId, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken);

    public static LinkDescriber? For(EntityEntry entry) => All.FirstOrDefault(d => d.LinkType == entry.Metadata.ClrType);

    /// <summary>The stored keys with the changed rows applied: removed rows out, added rows in.</summary>
    protected static List<int> Apply(List<int> stored, IReadOnlyList<EntityEntry> changed, Func<EntityEntry, int> key) =>
        [.. stored.Except(changed.Where(e => e.State == EntityState.Deleted).Select(key))
            .Concat(changed.Where(e => e.State == EntityState.Added).Select(key)).Distinct()];
}

/// <inheritdoc />
internal abstract class LinkDescriber<TLink, TOwner> : LinkDescriber
{
    public sealed override Type LinkType => typeof(TLink);

    public sealed override Type OwnerType => typeof(TOwner);
}
