using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Runs the extractors over a parsed article. Names the article introduces by structure are added to the directory
/// first (with the other names it gives them), then each paragraph is scanned once for company and model names; the
/// extractors turn those scans into facts. The developer of a named model is added as a company of the article,
/// sourced by the sentence naming the model, when the article does not name the developer itself.
/// </summary>
public static class FactExtractor
{
    public static ArticleFacts Extract(ParsedArticle article, CompanyDirectory companies, ModelCatalog models, ReferenceData? reference = null, CancellationToken cancellationToken = default) =>
        Extract(article, companies, models, reference, CompanyDiscovery.Find(article, cancellationToken), cancellationToken);

    /// <summary>Extracts with the names <see cref="CompanyDiscovery.Find"/> found in the article already.</summary>
    public static ArticleFacts Extract(ParsedArticle article, CompanyDirectory companies, ModelCatalog models, ReferenceData? reference, IReadOnlyList<DiscoveredCompany> discovered, CancellationToken cancellationToken = default)
    {
        reference ??= ReferenceData.Default;
        companies.Discover(discovered);
        var aliases = CompanyNaming.AddAliases(article, companies, cancellationToken);
        var scans = ParagraphScan.All(article, companies, models, cancellationToken);
        var parents = CompanyNaming.Parents(article, companies);
        var companyFacts = CompanyExtractor.Extract(article, scans, companies);
        var modelFacts = ModelExtractor.Extract(scans, companies);
        foreach (var model in modelFacts)
        {
            if (model.Developer is { } developer && companyFacts.All(c => c.Company != developer))
            {
                companyFacts.Add(new CompanyFact(developer, null, [model.Sources[0]]) { Provenance = new Provenance("company.model-developer", FactConfidence.Medium) });
            }
        }
        var timeline = TimelineExtractor.Extract(article, scans);
        // From here on the directory and the catalogue are only read: events from prose are found on another core
        // (from the prose sentences, read there too) while this one reads investments and valuations (from every
        // sentence, timeline entries included).
        var proseNotes = new List<string>();
        var proseTask = Task.Run(
            () => ProseEventExtractor.Extract(article, SentenceScan.Of(article, scans, companies, cancellationToken: cancellationToken), proseNotes, cancellationToken),
            cancellationToken);
        var allSentences = SentenceScan.Of(article, scans, companies, includeTimeline: true, cancellationToken);
        var dates = ProseEventExtractor.Reference(article, [.. allSentences.Where(s => s.Paragraph.Paragraph.Kind != BlockKind.TimelineEntry)]);
        var investmentNotes = new List<string>();
        var investments = InvestmentExtractor.Extract(article, allSentences, companies, reference, dates, investmentNotes, cancellationToken);
        foreach (var investment in investments)
        {
            foreach (var company in investment.Investors.Select(i => i.Company).Prepend(investment.Recipient).OfType<CompanyIdentity>())
            {
                if (companyFacts.All(c => c.Company != company))
                {
                    companyFacts.Add(new CompanyFact(company, null, [investment.Sources[0]]) { Provenance = new Provenance("company.investment-role", FactConfidence.Medium) });
                }
            }
        }
        var valuations = ValuationExtractor.Extract(allSentences, companies, dates, cancellationToken);
        var (prose, releases, foundings) = proseTask.GetAwaiter().GetResult();
        List<string> notes = [.. proseNotes, .. investmentNotes];
        var investmentBySource = FirstInvestmentBySource(investments);
        var events = EventMerger.Merge(timeline.Concat(prose))
            .Select(e => e with { Investment = InvestmentOf(e, investments, investmentBySource) })
            .ToList();
        companyFacts = companyFacts
            .Select(c => c with
            {
                Provenance = c.Provenance != Provenance.Unspecified ? c.Provenance : CompanyNaming.ProvenanceOf(c.Company),
                Parent = parents.GetValueOrDefault(c.Company),
                Aliases = aliases.TryGetValue(c.Company, out var names) ? names : [],
            })
            .ToList();
        return new ArticleFacts(companyFacts, modelFacts, events)
        {
            ModelReleases = releases,
            Foundings = foundings,
            Investments = investments,
            Valuations = valuations,
            Notes = notes,
        };
    }

    /// <summary>For each quote, the index of the first investment it is a source of.</summary>
    private static Dictionary<SourceQuote, int> FirstInvestmentBySource(IReadOnlyList<InvestmentFact> investments)
    {
        var first = new Dictionary<SourceQuote, int>();
        for (var i = 0; i < investments.Count; i++)
        {
            foreach (var source in investments[i].Sources)
            {
                first.TryAdd(source, i);
            }
        }
        return first;
    }

    /// <summary>
    /// The investment an event reports: the first one sharing a quote with it. Looked up by quote, as an event an
    /// article repeats has a quote per paragraph and a long article has hundreds of investments.
    /// </summary>
    private static InvestmentFact? InvestmentOf(EventFact fact, IReadOnlyList<InvestmentFact> investments, Dictionary<SourceQuote, int> bySource)
    {
        var first = int.MaxValue;
        foreach (var source in fact.Sources)
        {
            if (bySource.TryGetValue(source, out var index) && index < first)
            {
                first = index;
            }
        }
        return first == int.MaxValue ? null : investments[first];
    }
}
