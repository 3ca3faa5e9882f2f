using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Text;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Import;

/// <summary>Where a fact was read: a paragraph number and the sentence (or entry) quoted from it.</summary>
public sealed record SourceQuote(int Paragraph, string Quote);

public sealed record CompanyFact(CompanyIdentity Company, string? Summary, IReadOnlyList<SourceQuote> Sources)
{
    /// <summary>The rule that named the company; a name nobody listed has a lower confidence.</summary>
    public Provenance Provenance { get; init; } = Provenance.Unspecified;

    /// <summary>The parent the article states ("Alibaba's chip unit T-Head"), if any.</summary>
    public CompanyIdentity? Parent { get; init; }

    /// <summary>Other names the article gives the company ("known in Chinese as Yuezhi Anmian").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

public sealed record ModelFact(ModelIdentity Model, CompanyIdentity? Developer, IReadOnlyList<SourceQuote> Sources)
{
    /// <summary>Accessibility the article states in a sentence naming the model ("open-source" → open weights).</summary>
    public AiModels.Accessibility? StatedAccessibility { get; init; }

    /// <summary>Status the article states ("anticipated", "upcoming" → anticipated).</summary>
    public AiModels.AiModelStatus? StatedStatus { get; init; }

    /// <summary>The rule that named the model (high for a catalogued or structured name).</summary>
    public Provenance Provenance { get; init; } = Provenance.Unspecified;
}

/// <summary>
/// A dated event. <see cref="Sources"/> holds every quote that states it (a timeline entry and the prose sentence
/// saying the same thing are one event). <see cref="FromTimeline"/> marks events read from a dated timeline section.
/// </summary>
public sealed record EventFact(
    string Title,
    string? Summary,
    FuzzyDate Date,
    EventCategory Category,
    IReadOnlyList<CompanyIdentity> Companies,
    IReadOnlyList<ModelIdentity> Models,
    IReadOnlyList<SourceQuote> Sources,
    bool FromTimeline = false)
{
    /// <summary>The investment this event announces, if any (set by the investment extractor).</summary>
    public InvestmentFact? Investment { get; init; }

    /// <summary>True when the sentence states a future happening ("plans to", "is expected to", "will").</summary>
    public bool IsPlanned { get; init; }

    /// <summary>The rule that produced the event and its date.</summary>
    public Provenance Provenance { get; init; } = Provenance.Unspecified;
}

/// <summary>
/// A company's valuation as the article states it: the amount as reported ("US$4.3 billion"), its currency,
/// whether it is a lower bound ("more than"), the date it applies to and the quote.
/// </summary>
public sealed record ValuationFact(
    CompanyIdentity Company,
    decimal Amount,
    string Currency,
    string AsReported,
    bool IsLowerBound,
    FuzzyDate? Date,
    SourceQuote Source,
    Provenance Provenance);

/// <summary>A model release date (and status) the article states: "Ernie 4.5 is set for release on March 16".</summary>
public sealed record ModelReleaseFact(ModelIdentity Model, FuzzyDate Date, AiModels.AiModelStatus Status, SourceQuote Source);

/// <summary>A founding date the article states: "DeepSeek, only founded in May 2023".</summary>
public sealed record CompanyFoundedFact(CompanyIdentity Company, FuzzyDate Date, SourceQuote Source);

/// <summary>Everything extracted from one article, ready to be written in one transaction.</summary>
public sealed record ArticleFacts(
    IReadOnlyList<CompanyFact> Companies,
    IReadOnlyList<ModelFact> Models,
    IReadOnlyList<EventFact> Events)
{
    public IReadOnlyList<ModelReleaseFact> ModelReleases { get; init; } = [];
    public IReadOnlyList<CompanyFoundedFact> Foundings { get; init; } = [];
    public IReadOnlyList<InvestmentFact> Investments { get; init; } = [];
    public IReadOnlyList<ValuationFact> Valuations { get; init; } = [];

    /// <summary>What the extractors could not resolve and left out ("an amount raised, but not by whom"), for the
    /// import report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The companies and models named in one paragraph's body; company names inside a model name are not counted.</summary>
public sealed record ParagraphScan(
    ParsedParagraph Paragraph,
    IReadOnlyList<PhraseMatch<CompanyIdentity>> Companies,
    IReadOnlyList<PhraseMatch<ModelIdentity>> Models)
{
    /// <summary>The date expressions of the sentence starting at <paramref name="start"/>, found once however many
    /// extractors read them (<see cref="SentenceReadings"/>).</summary>
    internal IReadOnlyList<ProseDateMatch> DatesAt(int start, string sentence) => SentenceReadings.Of(Paragraph).DatesAt(start, sentence);

    /// <summary>The names the sentence starting at <paramref name="start"/> gives as investors, found once.</summary>
    internal IReadOnlyList<(string Name, bool IsLead)> InvestorsAt(int start, string sentence) => SentenceReadings.Of(Paragraph).InvestorsAt(start, sentence);

    /// <summary>The amounts of money of the sentence starting at <paramref name="start"/>, found once.</summary>
    internal IReadOnlyList<MoneyAmount> AmountsAt(int start, string sentence) => SentenceReadings.Of(Paragraph).AmountsAt(start, sentence);

    /// <summary>Where the sentences of the paragraph start and end, computed once.</summary>
    public IReadOnlyList<(int Start, int End)> SentenceSpans => SentenceReadings.Of(Paragraph).Spans;

    /// <summary>
    /// Every paragraph of the article scanned. Company names are looked up on another core while this one finds the
    /// model names: the directory is only read here, while the catalogue learns each new model name it meets.
    /// </summary>
    public static List<ParagraphScan> All(ParsedArticle article, CompanyDirectory companies, ModelCatalog models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(models);
        var paragraphs = article.Paragraphs;
        var companyMatches = Task.Run(() => paragraphs.Select(p =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return companies.Find(p.Text);
        }).ToList(), cancellationToken);
        var modelMatches = paragraphs.Select(p =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return models.Find(p.Text);
        }).ToList();
        var found = companyMatches.GetAwaiter().GetResult();
        return [.. paragraphs.Select((p, i) => Of(p, found[i], modelMatches[i]))];
    }

    private static ParagraphScan Of(ParsedParagraph paragraph, IReadOnlyList<PhraseMatch<CompanyIdentity>> companyNames, IReadOnlyList<PhraseMatch<ModelIdentity>> modelMatches)
    {
        // Both lists are in text order and models do not overlap each other: one sweep drops company names inside
        // a model name.
        var companyMatches = new List<PhraseMatch<CompanyIdentity>>();
        var m = 0;
        foreach (var c in companyNames)
        {
            while (m < modelMatches.Count && modelMatches[m].End <= c.Start)
            {
                m++;
            }
            if (m < modelMatches.Count && modelMatches[m].Start < c.End)
            {
                continue;
            }
            companyMatches.Add(c);
        }
        return new ParagraphScan(paragraph, companyMatches, modelMatches);
    }

    public string QuoteAt(int index) => Sentences.Containing(Paragraph.Text, SentenceSpans, index);
}
