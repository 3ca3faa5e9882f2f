namespace IndustryTracker.Core.History.Describers;

/// <summary>
/// Names one kind of record whose history is kept: the entity type written into <see cref="HistoryEntry.EntityType"/>
/// and the label a record is shown by. Each of its changed fields becomes one entry, a new or deleted record one
/// "record" entry.
/// </summary>
internal abstract class RecordDescriber
{
    public static IReadOnlyList<RecordDescriber> All { get; } =
        [new EventDescriber(), new CompanyDescriber(), new ModelDescriber(), new InvestmentDescriber()];

    public abstract Type ClrType { get; }

    /// <summary>As in <see cref="HistoryEntities"/>.</summary>
    public abstract string EntityType { get; }

    public abstract string Label(object record);

    public static RecordDescriber? For(object entity) => All.FirstOrDefault(d => d.ClrType == entity.GetType());

    public static RecordDescriber Of(Type type) => All.First(d => d.ClrType == type);
}

/// <inheritdoc />
internal abstract class RecordDescriber<T> : RecordDescriber
    where T : class
{
    public sealed override Type ClrType => typeof(T);

    public sealed override string Label(object record) => Describe((T)record);

    protected abstract string Describe(T record);
}
