using System.Linq.Expressions;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Core.Valuations;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// The one rule for "owned by the importer": a record no editor has written, changed or confirmed — last written by
/// the importer — on its own ("import") or for an editor's upload ("import (ed@example.com)", see
/// <see cref="SystemActor.ImportFor"/>) — or by nobody yet; an event must also have come from an import. The importer
/// may narrow, extend and retract what it owns; everything else keeps its values and only gains quotes. The same
/// rule as LINQ expressions, for queries.
/// </summary>
public static class ImportOwnership
{
    private static readonly string Import = SystemActor.Import.Name;
    private const string ImportFor = SystemActor.ImportPrefix;

    public static readonly Expression<Func<TimelineEvent, bool>> EventOwned =
        e => e.Origin == EventOrigin.Import && e.ConfirmedAt == null && (e.UpdatedBy == null || e.UpdatedBy == Import || e.UpdatedBy.StartsWith(ImportFor));

    public static readonly Expression<Func<Investment, bool>> InvestmentOwned =
        i => i.ConfirmedAt == null && (i.UpdatedBy == null || i.UpdatedBy == Import || i.UpdatedBy.StartsWith(ImportFor));

    public static readonly Expression<Func<Valuation, bool>> ValuationOwned =
        v => v.ConfirmedAt == null && (v.UpdatedBy == null || v.UpdatedBy == Import || v.UpdatedBy.StartsWith(ImportFor));

    private static readonly Func<TimelineEvent, bool> EventOwnedCompiled = EventOwned.Compile();
    private static readonly Func<Investment, bool> InvestmentOwnedCompiled = InvestmentOwned.Compile();
    private static readonly Func<Valuation, bool> ValuationOwnedCompiled = ValuationOwned.Compile();

    public static bool Owns(TimelineEvent e) => e.Id == 0 || EventOwnedCompiled(e);

    public static bool Owns(Investment i) => i.Id == 0 || InvestmentOwnedCompiled(i);

    public static bool Owns(Valuation v) => v.Id == 0 || ValuationOwnedCompiled(v);

    /// <summary>A company's imported values (founding date, summary) may be refined unless an editor changed it.</summary>
    public static bool Owns(Companies.Company c) => c.Id == 0 || c.UpdatedBy is null || SystemActor.IsImport(c.UpdatedBy);
}
