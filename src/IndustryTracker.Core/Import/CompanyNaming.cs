using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// What an article says about companies' names and owners: other names ("known in Chinese as Yuezhi Anmian",
/// "legally named Knowledge Atlas Technology", "Abu Dhabi Investment Authority (ADIA)") and parents ("Alibaba's chip
/// unit T-Head"). An alias belongs to the company named just before the phrase in its sentence, else to the company
/// the text is about ("The company, known in Chinese as …").
/// </summary>
public static class CompanyNaming
{
    public static Dictionary<CompanyIdentity, List<string>> AddAliases(ParsedArticle article, CompanyDirectory directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(directory);
        var result = new Dictionary<CompanyIdentity, List<string>>();
        CompanyIdentity? context = null;
        foreach (var paragraph in article.Paragraphs)
        {
            if (paragraph.Kind == BlockKind.Profile && paragraph.Lead is { } lead && directory.Resolve(lead) is { } profiled)
            {
                context = profiled;
            }
            var readings = SentenceReadings.Of(paragraph);
            foreach (var (start, end) in readings.Spans)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sentence = paragraph.Text[start..end];
                var named = directory.Find(sentence);
                foreach (var (owner, alias, index) in CompanyDiscovery.Aliases(sentence))
                {
                    var company = owner is not null
                        ? directory.Resolve(owner)
                        : named.Where(n => n.End <= index).Select(n => n.Value).LastOrDefault() ?? context;
                    if (company is null || string.Equals(alias, company.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }
                    if (directory.AddAlias(company, alias))
                    {
                        if (!result.TryGetValue(company, out var list))
                        {
                            result[company] = list = [];
                        }
                        if (!list.Contains(alias, StringComparer.OrdinalIgnoreCase))
                        {
                            list.Add(alias);
                        }
                    }
                }
                if (SentenceScan.Topic(readings.InvestorsAt(start, sentence), named.Select(n => n.Value).Distinct().ToList(), directory) is { } topic)
                {
                    context = topic;
                }
            }
        }
        return result;
    }

    public static Dictionary<CompanyIdentity, CompanyIdentity> Parents(ParsedArticle article, CompanyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(directory);
        var result = new Dictionary<CompanyIdentity, CompanyIdentity>();
        foreach (var paragraph in article.Paragraphs)
        {
            foreach (var (start, end) in Sentences.Spans(paragraph.Text))
            {
                foreach (var (unit, parent) in CompanyDiscovery.Units(paragraph.Text[start..end]))
                {
                    if (directory.Resolve(unit) is { } child && directory.Resolve(parent) is { } owner && child != owner)
                    {
                        result.TryAdd(child, owner);
                    }
                }
            }
        }
        return result;
    }

    /// <summary>Listed and profiled names are sure; a name the article introduced by its structure is less so.</summary>
    public static Provenance ProvenanceOf(CompanyIdentity company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return company switch
        {
            { Existing: not null } => new Provenance("company.known", FactConfidence.High),
            { Reference: not null } => new Provenance("company.reference", FactConfidence.High),
            { Profile: not null } => new Provenance("company.profile", FactConfidence.High),
            { Discovered: { } d } => new Provenance("company." + d.Rule.Replace(' ', '-'), FactConfidence.Low),
            _ => new Provenance("company.named", FactConfidence.Medium),
        };
    }
}
