using IndustryTracker.Core.Import.Reference;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The deals kept so far that a new investment fact may restate, found without comparing it with every deal of its
/// company (a long article can state hundreds of one company's rounds): deals of the same subject with the same amount
/// in the same currency, with an amount in another currency whose US dollar value is within
/// <see cref="InvestmentExtractor.EquivalenceTolerance"/> (a bucket of the dollar value's logarithm and its two
/// neighbours), and, for a fact without an amount, the deals without one. It may name a deal that is not the same:
/// callers still decide with <see cref="InvestmentMerger.SameInvestment"/>; it never leaves out one that is.
/// </summary>
internal sealed class DealIndex(ReferenceData reference)
{
    /// <summary>Wider than the tolerance in log space, so two amounts within it fall in the same or adjacent buckets.</summary>
    private static readonly double BucketWidth = -Math.Log(1 - (double)InvestmentExtractor.EquivalenceTolerance) * 1.01;

    private readonly Dictionary<(CompanyIdentity Subject, string Currency, decimal Amount), List<int>> _sameAmount = [];
    private readonly Dictionary<(CompanyIdentity Subject, long Bucket), List<int>> _nearUsd = [];
    private readonly Dictionary<CompanyIdentity, List<int>> _withoutAmount = [];

    /// <summary>Files the deal at <paramref name="index"/> under its subject and amounts; again after a merge gives it more.</summary>
    public void Add(int index, InvestmentFact deal)
    {
        if (deal.Subject is not { } subject)
        {
            return;
        }
        if (deal.Amounts.Count == 0)
        {
            File(_withoutAmount, subject, index);
        }
        foreach (var amount in deal.Amounts)
        {
            File(_sameAmount, (subject, amount.Currency, amount.Amount), index);
            if (Bucket(amount) is { } bucket)
            {
                File(_nearUsd, (subject, bucket), index);
            }
        }
    }

    /// <summary>The indices of the deals <paramref name="fact"/> may restate, in ascending order.</summary>
    public List<int> Candidates(InvestmentFact fact)
    {
        var found = new SortedSet<int>();
        if (fact.Subject is not { } subject)
        {
            return [];
        }
        if (fact.Amounts.Count == 0 && _withoutAmount.TryGetValue(subject, out var none))
        {
            found.UnionWith(none);
        }
        foreach (var amount in fact.Amounts)
        {
            if (_sameAmount.TryGetValue((subject, amount.Currency, amount.Amount), out var same))
            {
                found.UnionWith(same);
            }
            if (Bucket(amount) is { } bucket)
            {
                for (var near = bucket - 1; near <= bucket + 1; near++)
                {
                    if (_nearUsd.TryGetValue((subject, near), out var close))
                    {
                        found.UnionWith(close);
                    }
                }
            }
        }
        return [.. found];
    }

    /// <summary>The bucket of an amount's US dollar value, as <see cref="InvestmentExtractor.Equivalent"/> converts it; none without a rate.</summary>
    private long? Bucket(Text.MoneyAmount amount)
    {
        var usd = amount.Currency == "USD" ? amount.Amount : reference.RateFor(amount.Currency, null) is { } rate ? amount.Amount * rate.UsdPerUnit : (decimal?)null;
        return usd is { } value && value > 0 ? (long)Math.Floor(Math.Log((double)value) / BucketWidth) : null;
    }

    private static void File<TKey>(Dictionary<TKey, List<int>> index, TKey key, int value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var values))
        {
            index[key] = values = [];
        }
        values.Add(value);
    }
}
