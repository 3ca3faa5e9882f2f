using IndustryTracker.Core.Import.Reference;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The deals kept so far that a new investment may restate, found without comparing it with every deal of its company
/// (a long article can state hundreds of one company's rounds). Deals are filed by position under a key (the
/// company, or kind and company) and their amounts: a lookup gives the deals under the same key with the same amount
/// in the same currency, with an amount in another currency whose US dollar value is within
/// <see cref="InvestmentExtractor.EquivalenceTolerance"/> (a bucket of the dollar value's logarithm and its two
/// neighbours), or, for a fact without an amount, the deals without one. It may name a deal that is not the same —
/// callers still decide with their own rule — but never leaves out one whose amounts agree
/// (<see cref="InvestmentExtractor.Equivalent"/>).
/// </summary>
internal sealed class DealIndex<TKey>(ReferenceData reference)
    where TKey : notnull
{
    /// <summary>Wider than the tolerance in log space, so two amounts within it fall in the same or adjacent buckets.</summary>
    private static readonly double BucketWidth = -Math.Log(1 - (double)InvestmentExtractor.EquivalenceTolerance) * 1.01;

    private readonly Dictionary<TKey, HashSet<int>> _all = [];
    private readonly Dictionary<TKey, HashSet<int>> _withoutAmount = [];
    private readonly Dictionary<(TKey Key, string Currency, decimal Amount), HashSet<int>> _sameAmount = [];
    private readonly Dictionary<(TKey Key, long Bucket), HashSet<(int Position, string Currency)>> _nearUsd = [];

    /// <summary>Files the deal at <paramref name="position"/>; again when it gains amounts or a key (filing twice changes nothing).</summary>
    public void Add(int position, TKey key, IReadOnlyList<(decimal Amount, string Currency)> amounts)
    {
        File(_all, key, position);
        if (amounts.Count == 0)
        {
            File(_withoutAmount, key, position);
        }
        foreach (var (amount, currency) in amounts)
        {
            File(_sameAmount, (key, currency, amount), position);
            if (Bucket(amount, currency) is { } bucket)
            {
                File(_nearUsd, (key, bucket), (position, currency));
            }
        }
    }

    /// <summary>Every deal filed under <paramref name="key"/>, in ascending position.</summary>
    public List<int> All(TKey key) => _all.TryGetValue(key, out var all) ? [.. all.Order()] : [];

    /// <summary>The positions of the deals under <paramref name="key"/> whose amounts may agree with <paramref name="amounts"/> (or, without amounts, that have none), ascending.</summary>
    public List<int> Candidates(TKey key, IReadOnlyList<(decimal Amount, string Currency)> amounts)
    {
        var found = new List<int>();
        if (amounts.Count == 0 && _withoutAmount.TryGetValue(key, out var none))
        {
            found.AddRange(none);
        }
        foreach (var (amount, currency) in amounts)
        {
            if (_sameAmount.TryGetValue((key, currency, amount), out var same))
            {
                found.AddRange(same);
            }
            if (Bucket(amount, currency) is not { } bucket)
            {
                continue;
            }
            for (var near = bucket - 1; near <= bucket + 1; near++)
            {
                if (_nearUsd.TryGetValue((key, near), out var close))
                {
                    // The same currency agrees only on the same amount, found above.
                    found.AddRange(close.Where(c => c.Currency != currency).Select(c => c.Position));
                }
            }
        }
        found.Sort();
        return found.Count < 2 ? found : [.. found.Distinct()];
    }

    /// <summary>The bucket of an amount's US dollar value, as <see cref="InvestmentExtractor.Equivalent"/> converts it; none without a rate.</summary>
    private long? Bucket(decimal amount, string currency)
    {
        var usd = currency == "USD" ? amount : reference.RateFor(currency, null) is { } rate ? amount * rate.UsdPerUnit : (decimal?)null;
        return usd is { } value && value > 0 ? (long)Math.Floor(Math.Log((double)value) / BucketWidth) : null;
    }

    private static void File<TIndexKey, TValue>(Dictionary<TIndexKey, HashSet<TValue>> index, TIndexKey key, TValue value)
        where TIndexKey : notnull
    {
        if (!index.TryGetValue(key, out var values))
        {
            index[key] = values = [];
        }
        values.Add(value);
    }
}
