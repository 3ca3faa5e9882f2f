using System.Runtime.CompilerServices;
using System.Text.Json;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IndustryTracker.Core.History;

/// <summary>
/// Records every change to events, companies (with aliases and parent), models and investments as
/// <see cref="HistoryEntry"/> rows: one per changed field, one "created" entry per new record. The rows are written
/// after the save (so new records have their ids) in the same transaction: the caller's, or one this interceptor
/// opens around the save. See docs/adr/0007-history-and-merges.md.
/// </summary>
public sealed class HistoryInterceptor(TimeProvider time, ICurrentActor actor) : SaveChangesInterceptor
{
    private const string EventCompanies = "EventCompanies";
    private const string EventModels = "EventModels";

    private static readonly ConditionalWeakTable<DbContext, State> States = new();

    /// <summary>
    /// Records the changes saved through <paramref name="context"/> with <paramref name="kind"/> (e.g. merged,
    /// reverted) instead of created/updated/deleted until the returned scope is disposed.
    /// </summary>
    public static IDisposable RecordAs(DbContext context, ChangeKind kind, Func<int?>? mergeId = null)
    {
        var state = States.GetOrCreateValue(context);
        state.KindOverride = kind;
        state.MergeId = mergeId;
        return new Scope(state);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            CollectAsync(context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await CollectAsync(context, async: true, cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            WriteAsync(context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await WriteAsync(context, async: true, cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        AbandonAsync(eventData.Context, async: false).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context, async: true);

    private async Task CollectAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        var state = States.GetOrCreateValue(context);
        if (state.Writing)
        {
            return;
        }
        state.Pending.Clear();

        var entries = context.ChangeTracker.Entries().ToList();
        var byKey = new Dictionary<(IEntityType, object), EntityEntry>();
        foreach (var entry in entries.Where(e => !e.Metadata.IsOwned() && e.Metadata.FindPrimaryKey()?.Properties.Count == 1))
        {
            var key = entry.Property(entry.Metadata.FindPrimaryKey()!.Properties[0].Name).CurrentValue;
            if (key is not null)
            {
                byKey.TryAdd((entry.Metadata, key), entry);
            }
        }

        var owned = new Dictionary<(EntityEntry Owner, string Navigation), (string? Old, string? New)>();
        var aliasChanges = new Dictionary<int, (List<string> Added, List<string> Removed)>();
        var participantChanges = new Dictionary<int, List<EntityEntry>>();
        var linkChanges = new Dictionary<(int EventId, string Table), (List<object> Added, List<object> Removed)>();

        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (HistoryValues.Describe(entry.Entity) is { } described)
            {
                CollectRecord(context, state, entry, described, byKey);
            }
            else if (entry.Metadata.IsOwned())
            {
                CollectOwned(entry, byKey, owned);
            }
            else if (entry.Entity is CompanyAlias alias && entry.State is EntityState.Added or EntityState.Deleted)
            {
                var companyId = (int)(entry.State == EntityState.Added ? entry.Property(nameof(CompanyAlias.CompanyId)).CurrentValue : entry.Property(nameof(CompanyAlias.CompanyId)).OriginalValue)!;
                if (!IsNewOrGone(context, byKey, typeof(Company), companyId))
                {
                    var change = aliasChanges.TryGetValue(companyId, out var existing) ? existing : aliasChanges[companyId] = ([], []);
                    (entry.State == EntityState.Added ? change.Added : change.Removed).Add(alias.Name);
                }
            }
            else if (entry.Entity is InvestmentParticipant)
            {
                var investmentId = (int)entry.Property(nameof(InvestmentParticipant.InvestmentId)).CurrentValue!;
                if (!IsNewOrGone(context, byKey, typeof(Investment), investmentId))
                {
                    (participantChanges.TryGetValue(investmentId, out var list) ? list : participantChanges[investmentId] = []).Add(entry);
                }
            }
            else if (entry.Metadata.HasSharedClrType && entry.Metadata.Name is EventCompanies or EventModels && entry.State is EntityState.Added or EntityState.Deleted)
            {
                var eventId = (int)entry.Property("EventId").CurrentValue!;
                if (!IsNewOrGone(context, byKey, typeof(TimelineEvent), eventId))
                {
                    var other = entry.Property(entry.Metadata.Name == EventCompanies ? "CompanyId" : "AiModelId").CurrentValue!;
                    var change = linkChanges.TryGetValue((eventId, entry.Metadata.Name), out var existing) ? existing : linkChanges[(eventId, entry.Metadata.Name)] = ([], []);
                    (entry.State == EntityState.Added ? change.Added : change.Removed).Add(other);
                }
            }
        }

        foreach (var ((owner, navigation), (oldValue, newValue)) in owned)
        {
            if (oldValue != newValue && HistoryValues.Describe(owner.Entity) is { } described)
            {
                state.Pending.Add(new Pending(owner, described.Type, described.Label, HistoryValues.FieldName(navigation), oldValue, newValue, ChangeKind.Updated));
            }
        }
        foreach (var (companyId, (added, removed)) in aliasChanges)
        {
            var before = await ListAsync(context.Set<CompanyAlias>().AsNoTracking().Where(a => a.CompanyId == companyId).Select(a => a.Name), async, cancellationToken);
            var after = before.Except(removed).Concat(added).Distinct().ToList();
            AddListChange(state, Owner(context, byKey, typeof(Company), companyId), "aliases", before, after);
        }
        foreach (var (investmentId, changed) in participantChanges)
        {
            var stored = await ListAsync(context.Set<InvestmentParticipant>().AsNoTracking().Where(p => p.InvestmentId == investmentId).Select(p => new { p.CompanyId, p.IsLead }), async, cancellationToken);
            var before = stored.ToDictionary(p => (object)p.CompanyId, p => p.IsLead);
            var after = new Dictionary<object, bool>(before);
            foreach (var entry in changed)
            {
                var companyId = entry.Property(nameof(InvestmentParticipant.CompanyId)).CurrentValue!;
                if (entry.State == EntityState.Deleted)
                {
                    after.Remove(companyId);
                }
                else
                {
                    after[companyId] = ((InvestmentParticipant)entry.Entity).IsLead;
                }
            }
            var names = await NamesAsync(context, byKey, [.. before.Keys, .. after.Keys], async, cancellationToken);
            AddListChange(state, Owner(context, byKey, typeof(Investment), investmentId), "participants",
                [.. before.Select(p => names[p.Key] + (p.Value ? " (lead)" : ""))],
                [.. after.Select(p => names[p.Key] + (p.Value ? " (lead)" : ""))]);
        }
        foreach (var ((eventId, table), (added, removed)) in linkChanges)
        {
            List<object> before = table == EventCompanies
                ? [.. (await ListAsync(context.Set<Dictionary<string, object>>(EventCompanies).AsNoTracking().Where(j => EF.Property<int>(j, "EventId") == eventId).Select(j => EF.Property<int>(j, "CompanyId")), async, cancellationToken)).Cast<object>()]
                : [.. (await ListAsync(context.Set<Dictionary<string, object>>(EventModels).AsNoTracking().Where(j => EF.Property<int>(j, "EventId") == eventId).Select(j => EF.Property<int>(j, "AiModelId")), async, cancellationToken)).Cast<object>()];
            var after = before.Except(removed).Concat(added).Distinct().ToList();
            var names = table == EventCompanies
                ? await NamesAsync(context, byKey, [.. before, .. after], async, cancellationToken)
                : await ModelNamesAsync(context, byKey, [.. before, .. after], async, cancellationToken);
            AddListChange(state, Owner(context, byKey, typeof(TimelineEvent), eventId), table == EventCompanies ? "companies" : "models",
                [.. before.Select(id => names[id])], [.. after.Select(id => names[id])]);
        }

        if (state.Pending.Count > 0 && context.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = async
                ? await context.Database.BeginTransactionAsync(cancellationToken)
                : context.Database.BeginTransaction();
        }
    }

    private void CollectRecord(DbContext context, State state, EntityEntry entry, (string Type, string Label) described, Dictionary<(IEntityType, object), EntityEntry> byKey)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                state.Pending.Add(new Pending(entry, described.Type, described.Label, HistoryEntry.RecordField, null, described.Label, ChangeKind.Created));
                return;
            case EntityState.Deleted:
                state.Pending.Add(new Pending(entry, described.Type, described.Label, HistoryEntry.RecordField, described.Label, null, ChangeKind.Deleted));
                return;
            case EntityState.Modified:
                foreach (var property in entry.Properties)
                {
                    if (!property.IsModified || HistoryValues.Ignored.Contains(property.Metadata.Name) || Equals(property.OriginalValue, property.CurrentValue))
                    {
                        continue;
                    }
                    var kind = property.Metadata.Name == "DeletedAt"
                        ? property.OriginalValue is null ? ChangeKind.Deleted : property.CurrentValue is null ? ChangeKind.Restored : ChangeKind.Updated
                        : ChangeKind.Updated;
                    var foreignKey = property.Metadata.GetContainingForeignKeys().FirstOrDefault(fk => fk.DependentToPrincipal is not null);
                    if (foreignKey is not null)
                    {
                        state.Pending.Add(new Pending(entry, described.Type, described.Label, HistoryValues.FieldName(foreignKey.DependentToPrincipal!.Name),
                            PrincipalLabel(context, byKey, foreignKey.PrincipalEntityType, property.OriginalValue),
                            PrincipalLabel(context, byKey, foreignKey.PrincipalEntityType, property.CurrentValue), kind));
                    }
                    else
                    {
                        state.Pending.Add(new Pending(entry, described.Type, described.Label, HistoryValues.FieldName(property.Metadata.Name),
                            HistoryValues.Format(property.OriginalValue), HistoryValues.Format(property.CurrentValue), kind));
                    }
                }
                return;
        }
    }

    private static void CollectOwned(EntityEntry entry, Dictionary<(IEntityType, object), EntityEntry> byKey, Dictionary<(EntityEntry, string), (string? Old, string? New)> owned)
    {
        var ownership = entry.Metadata.FindOwnership();
        if (ownership?.PrincipalToDependent is null || ownership.Properties.Count != 1)
        {
            return;
        }
        var ownerKey = entry.Property(ownership.Properties[0].Name).CurrentValue;
        if (ownerKey is null || !byKey.TryGetValue((ownership.PrincipalEntityType, ownerKey), out var owner) || owner.State is EntityState.Added or EntityState.Deleted)
        {
            return;
        }
        var slot = (owner, ownership.PrincipalToDependent.Name);
        owned.TryGetValue(slot, out var values);
        var (oldValue, newValue) = values;
        switch (entry.State)
        {
            case EntityState.Added:
                newValue = OwnedJson(entry, original: false);
                break;
            case EntityState.Deleted:
                oldValue = OwnedJson(entry, original: true);
                break;
            case EntityState.Modified:
                oldValue = OwnedJson(entry, original: true);
                newValue = OwnedJson(entry, original: false);
                break;
        }
        owned[slot] = (oldValue, newValue);
    }

    /// <summary>An owned value (a date, an amount) as compact JSON, "label" first: {"label":"Jan. 20, 2025","end":"2025-01-20",…}.</summary>
    internal static string OwnedJson(EntityEntry entry, bool original)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in entry.Properties
                .Where(p => !p.Metadata.IsKey() && !p.Metadata.IsShadowProperty())
                .OrderBy(p => p.Metadata.Name == "Label" ? 0 : 1))
            {
                writer.WritePropertyName(HistoryValues.FieldName(property.Metadata.Name));
                var value = HistoryValues.Format(original ? property.OriginalValue : property.CurrentValue);
                var raw = original ? property.OriginalValue : property.CurrentValue;
                switch (raw)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case decimal d:
                        writer.WriteNumberValue(d);
                        break;
                    default:
                        writer.WriteStringValue(value);
                        break;
                }
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void AddListChange(State state, EntityEntry owner, string field, List<string> before, List<string> after)
    {
        var oldValue = HistoryValues.NameList(before);
        var newValue = HistoryValues.NameList(after);
        if (oldValue != newValue && HistoryValues.Describe(owner.Entity) is { } described)
        {
            state.Pending.Add(new Pending(owner, described.Type, described.Label, field, oldValue, newValue, ChangeKind.Updated));
        }
    }

    /// <summary>The tracked record that owns a changed alias, participant or link; loaded when the caller did not load it.</summary>
    private static EntityEntry Owner(DbContext context, Dictionary<(IEntityType, object), EntityEntry> byKey, Type type, int id) =>
        byKey.TryGetValue((context.Model.FindEntityType(type)!, id), out var tracked)
            ? tracked
            : context.Entry(context.Find(type, id) ?? throw new InvalidOperationException($"No {type.Name} has id {id}."));

    private static bool IsNewOrGone(DbContext context, Dictionary<(IEntityType, object), EntityEntry> byKey, Type type, object id) =>
        byKey.TryGetValue((context.Model.FindEntityType(type)!, id), out var owner) && owner.State is EntityState.Added or EntityState.Deleted;

    private static string? PrincipalLabel(DbContext context, Dictionary<(IEntityType, object), EntityEntry> byKey, IEntityType principal, object? id)
    {
        if (id is null)
        {
            return null;
        }
        if (byKey.TryGetValue((principal, id), out var tracked) && HistoryValues.Describe(tracked.Entity) is { } described)
        {
            return described.Label;
        }
        if (principal.ClrType == typeof(Company) && id is int companyId)
        {
            return context.Set<Company>().AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == companyId).Select(c => c.Name).FirstOrDefault() ?? $"#{id}";
        }
        return $"#{id}";
    }

    private static async Task<Dictionary<object, string>> NamesAsync(DbContext context, Dictionary<(IEntityType, object), EntityEntry> byKey, IEnumerable<object> ids, bool async, CancellationToken cancellationToken)
    {
        var type = context.Model.FindEntityType(typeof(Company))!;
        var names = new Dictionary<object, string>();
        var missing = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (byKey.TryGetValue((type, id), out var tracked))
            {
                names[id] = ((Company)tracked.Entity).Name;
            }
            else
            {
                missing.Add((int)id);
            }
        }
        foreach (var row in await ListAsync(context.Set<Company>().AsNoTracking().IgnoreAutoIncludes().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.Name }), async, cancellationToken))
        {
            names[row.Id] = row.Name;
        }
        foreach (var id in missing.Where(id => !names.ContainsKey(id)))
        {
            names[id] = $"#{id}";
        }
        return names;
    }

    private static async Task<Dictionary<object, string>> ModelNamesAsync(DbContext context, Dictionary<(IEntityType, object), EntityEntry> byKey, IEnumerable<object> ids, bool async, CancellationToken cancellationToken)
    {
        var type = context.Model.FindEntityType(typeof(AiModels.AiModel))!;
        var names = new Dictionary<object, string>();
        var missing = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (byKey.TryGetValue((type, id), out var tracked))
            {
                names[id] = ((AiModels.AiModel)tracked.Entity).Name;
            }
            else
            {
                missing.Add((int)id);
            }
        }
        foreach (var row in await ListAsync(context.Set<AiModels.AiModel>().AsNoTracking().Where(m => missing.Contains(m.Id)).Select(m => new { m.Id, m.Name }), async, cancellationToken))
        {
            names[row.Id] = row.Name;
        }
        foreach (var id in missing.Where(id => !names.ContainsKey(id)))
        {
            names[id] = $"#{id}";
        }
        return names;
    }

    private static async Task<List<T>> ListAsync<T>(IQueryable<T> query, bool async, CancellationToken cancellationToken) =>
        async ? await query.ToListAsync(cancellationToken) : query.ToList();

    private async Task WriteAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        if (!States.TryGetValue(context, out var state) || state.Writing || state.Pending.Count == 0)
        {
            return;
        }
        var changeSet = Guid.NewGuid();
        var now = time.GetUtcNow();
        var name = (context as Data.IndustryTrackerDbContext)?.Actor ?? actor.Name;
        var rows = state.Pending.Select(p => new HistoryEntry(
            changeSet,
            p.EntityType,
            p.Id ?? (int)p.Entry.Property("Id").CurrentValue!,
            p.Label,
            p.Field,
            p.Old,
            p.New,
            state.KindOverride ?? p.Kind,
            name,
            now) { MergeId = state.MergeId?.Invoke() }).ToList();
        state.Pending.Clear();

        state.Writing = true;
        try
        {
            context.Set<HistoryEntry>().AddRange(rows);
            if (async)
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            else
            {
                context.SaveChanges();
            }
            if (state.OwnTransaction is { } transaction)
            {
                state.OwnTransaction = null;
                if (async)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                }
                else
                {
                    transaction.Commit();
                    transaction.Dispose();
                }
            }
        }
        finally
        {
            state.Writing = false;
        }
    }

    private static async Task AbandonAsync(DbContext? context, bool async)
    {
        if (context is null || !States.TryGetValue(context, out var state) || state.Writing)
        {
            return;
        }
        state.Pending.Clear();
        if (state.OwnTransaction is { } transaction)
        {
            state.OwnTransaction = null;
            if (async)
            {
                await transaction.RollbackAsync();
                await transaction.DisposeAsync();
            }
            else
            {
                transaction.Rollback();
                transaction.Dispose();
            }
        }
    }

    private sealed record Pending(EntityEntry Entry, string EntityType, string Label, string Field, string? Old, string? New, ChangeKind Kind)
    {
        /// <summary>The record's id when it already has one; new records get theirs from the save.</summary>
        public int? Id { get; } = Entry.State == EntityState.Added ? null : (int?)Entry.Property(nameof(Id)).OriginalValue;
    }

    private sealed class State
    {
        public List<Pending> Pending { get; } = [];
        public bool Writing { get; set; }
        public IDbContextTransaction? OwnTransaction { get; set; }
        public ChangeKind? KindOverride { get; set; }
        public Func<int?>? MergeId { get; set; }
    }

    private sealed class Scope(State state) : IDisposable
    {
        public void Dispose()
        {
            state.KindOverride = null;
            state.MergeId = null;
        }
    }
}
