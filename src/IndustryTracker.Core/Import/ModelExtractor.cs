namespace IndustryTracker.Core.Import;

/// <summary>One fact per AI model named in the article, with its developer and one source per paragraph.</summary>
public static class ModelExtractor
{
    public static List<ModelFact> Extract(IReadOnlyList<ParagraphScan> scans, CompanyDirectory directory)
    {
        var sources = new Dictionary<ModelIdentity, List<SourceQuote>>();
        var order = new List<ModelIdentity>();
        foreach (var scan in scans)
        {
            foreach (var match in scan.Models)
            {
                if (!sources.TryGetValue(match.Value, out var list))
                {
                    sources[match.Value] = list = [];
                    order.Add(match.Value);
                }
                if (!list.Any(s => s.Paragraph == scan.Paragraph.Number))
                {
                    list.Add(new SourceQuote(scan.Paragraph.Number, scan.QuoteAt(match.Start)));
                }
            }
        }
        return order
            .Select(model => new ModelFact(
                model,
                model.DeveloperName is { } developer ? directory.Resolve(developer) : null,
                sources[model]))
            .ToList();
    }
}
