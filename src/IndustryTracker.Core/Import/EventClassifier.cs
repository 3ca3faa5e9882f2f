using System.Text.RegularExpressions;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Infers an event's category from keywords; the first rule that matches wins: policy (ban, sanction, export
/// control, regulation) → investment (investment, funding, raised) → hiring (recruited, hired) → integration of
/// another's technology (integrated, "powered by", "R1-powered": a launch powered by someone else's model is that
/// model's adoption, the launch stays in the title) → product launch (launched, rolled out, released, unveiled) →
/// partnership (partnered, collaborated) → integration/adoption
/// (integrated, powered by, adopted, deployed) → infrastructure (computing power, data centre, GPUs) → market → other.
/// Government adoption ("governments … integrated DeepSeek") is integration/adoption, not policy.
/// Only the statement counts: attribution ("according to investors familiar with the matter", "analysts said") is
/// removed first (<see cref="Attribution"/>), and "investor(s)" names people, not an investment.
/// </summary>
public static partial class EventClassifier
{
    private static readonly (Regex Rule, EventCategory Category)[] Rules =
    [
        (PolicyRegex(), EventCategory.PolicyRegulation),
        (InvestmentRegex(), EventCategory.Investment),
        (HiringRegex(), EventCategory.Hiring),
        (PoweredByRegex(), EventCategory.IntegrationAdoption),
        (LaunchRegex(), EventCategory.ProductLaunch),
        (PartnershipRegex(), EventCategory.Partnership),
        (IntegrationRegex(), EventCategory.IntegrationAdoption),
        (InfrastructureRegex(), EventCategory.Infrastructure),
        (MarketRegex(), EventCategory.Market),
    ];

    public static EventCategory Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Attribution.Strip(text);
        foreach (var (rule, category) in Rules)
        {
            if (rule.IsMatch(text))
            {
                return category;
            }
        }
        return EventCategory.Other;
    }

    [GeneratedRegex(@"\b(?:bann?(?:ed|s|ing)?|sanction\w*|blocked|blanket block|export controls?|regulat\w*|tariffs?|executive order|legislation|law|memorandum|restrict\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyRegex();

    [GeneratedRegex(@"\b(?:invest(?!ors?\b)\w*|funding|financing|raised\s+(?:\S+\s+){0,3}?(?:funding|capital|money|(?:US|HK)?\$|\d)|fundraising|capital expenditure|capex|acquir\w*|acquisition|series [a-e]\b)", RegexOptions.IgnoreCase)]
    private static partial Regex InvestmentRegex();

    [GeneratedRegex(@"\b(?:recruit\w*|hired?|hires|hiring|appoint\w*|poach\w*|named .{0,40}\b(?:chief|head|ceo|president)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex HiringRegex();

    [GeneratedRegex(@"\b(?:launch\w*|roll(?:ed|s|ing)? out|releas\w*|unveil\w*|introduc\w*|debut\w*|appeared on|went live|open-sourced)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LaunchRegex();

    [GeneratedRegex(@"\b(?:integrat\w*|powered)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PoweredByRegex();

    [GeneratedRegex(@"\b(?:integrat\w*|powered by|adopt\w*|deploy\w*|incorporat\w*|embrac\w*|pivoted to|switched to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IntegrationRegex();

    [GeneratedRegex(@"\b(?:partner\w*|collaborat\w*|teamed up|alliance|joint venture)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartnershipRegex();

    [GeneratedRegex(@"\b(?:computing power|compute|data cent(?:er|re)s?|servers?|gpus?|chips?|cloud infrastructure)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InfrastructureRegex();

    [GeneratedRegex(@"\b(?:shares?|stocks?|valuation|market cap\w*|ipo|listing|sell-off)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MarketRegex();
}
