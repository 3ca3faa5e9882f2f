using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Core.Valuations;

namespace IndustryTracker.Core.Sources;

/// <summary>
/// The evidence for one fact: a quote from a paragraph of an article that supports exactly one company, model,
/// investment, valuation or event. Every fact shown in the UI links to at least one mention.
/// </summary>
public sealed class Mention
{
    private Mention()
    {
        Article = null!;
        Quote = string.Empty;
    }

    private Mention(Article article, int paragraph, string quote)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(paragraph);
        ArgumentException.ThrowIfNullOrWhiteSpace(quote);
        Article = article;
        Paragraph = paragraph;
        Quote = quote.Trim();
    }

    public int Id { get; private set; }
    public int ArticleId { get; private set; }
    public Article Article { get; private set; }
    public int Paragraph { get; private set; }
    public string Quote { get; private set; }

    public int? CompanyId { get; private set; }
    public Company? Company { get; private set; }
    public int? AiModelId { get; private set; }
    public AiModel? AiModel { get; private set; }
    public int? InvestmentId { get; private set; }
    public Investment? Investment { get; private set; }
    public int? TimelineEventId { get; private set; }
    public TimelineEvent? TimelineEvent { get; private set; }
    public int? ValuationId { get; private set; }
    public Valuation? Valuation { get; private set; }

    public static Mention Of(Company company, Article article, int paragraph, string quote) =>
        new(article, paragraph, quote) { Company = company };

    public static Mention Of(AiModel model, Article article, int paragraph, string quote) =>
        new(article, paragraph, quote) { AiModel = model };

    public static Mention Of(Investment investment, Article article, int paragraph, string quote) =>
        new(article, paragraph, quote) { Investment = investment };

    public static Mention Of(Valuation valuation, Article article, int paragraph, string quote) =>
        new(article, paragraph, quote) { Valuation = valuation };

    public static Mention Of(TimelineEvent timelineEvent, Article article, int paragraph, string quote) =>
        new(article, paragraph, quote) { TimelineEvent = timelineEvent };
}
