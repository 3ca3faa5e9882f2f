using System.Globalization;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Review;

/// <summary>
/// A fact's stable key: what it says, not where (no paragraph numbers, no ids), so the same text read again gives the
/// same key. Used to remember rejected facts (<see cref="RejectedFact"/>).
/// </summary>
public static class FactKeys
{
    public static string Event(string title, FuzzyDate date) =>
        Limit($"event|{Day(date.Start)}|{Day(date.End)}|{Slugs.From(title)}");

    public static string Investment(InvestmentKind kind, string? subject, Money? money, FuzzyDate? announced) =>
        Limit($"investment|{kind}|{Slugs.From(subject ?? "-")}|{Amount(money)}|{(money is null && announced is not null ? Day(announced.Start) : "-")}");

    public static string Valuation(string company, Money money) =>
        Limit($"valuation|{Slugs.From(company)}|{Amount(money)}");

    private static string Amount(Money? money) =>
        money is null ? "-" : $"{money.Amount.ToString("0.##", CultureInfo.InvariantCulture)} {money.Currency}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Limit(string key) => key.Length <= FactLimits.FactKey ? key : key[..FactLimits.FactKey];
}
