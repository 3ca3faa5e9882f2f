namespace IndustryTracker.Core.Investments;

/// <summary>An amount exactly as an article reported it: "over 100 million yuan" is 100,000,000 CNY, a lower bound.</summary>
public sealed record Money
{
    public Money(decimal amount, string currency, string asReported, bool isLowerBound = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(asReported);
        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code such as CNY or USD.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
        AsReported = asReported.Trim();
        IsLowerBound = isLowerBound;
    }

    public decimal Amount { get; private init; }

    /// <summary>ISO 4217 code, e.g. CNY.</summary>
    public string Currency { get; private init; }

    /// <summary>The text as written: "380 billion yuan".</summary>
    public string AsReported { get; private init; }

    /// <summary>True for "over"/"more than" amounts.</summary>
    public bool IsLowerBound { get; private init; }
}
