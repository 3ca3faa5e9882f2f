using System.Text.RegularExpressions;
using IndustryTracker.Core.AiModels;

namespace IndustryTracker.Core.Import;

/// <summary>
/// One fact per AI model named in the article, with its developer and one source per paragraph. A sentence naming
/// exactly one model states its accessibility ("open-source"/"open-weight" → open weights) and status ("anticipated",
/// "upcoming", "next generation" → anticipated); the writer applies these to models the reference list does not know.
/// </summary>
public static partial class ModelExtractor
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
                sources[model])
            {
                StatedAccessibility = Stated(scans, model, OpenWeightsRegex()) ? Accessibility.OpenWeights : null,
                StatedStatus = Stated(scans, model, AnticipatedRegex()) ? AiModelStatus.Anticipated : null,
            })
            .ToList();
    }

    private static bool Stated(IReadOnlyList<ParagraphScan> scans, ModelIdentity model, Regex regex) =>
        scans.Any(scan => scan.Models.Any(m => m.Value == model)
            && Text.Sentences.Split(scan.Paragraph.Text).Any(sentence =>
                regex.IsMatch(sentence) && scan.Models.Any(m => m.Value == model && sentence.Contains(m.Text, StringComparison.Ordinal))
                && scan.Models.Where(m => sentence.Contains(m.Text, StringComparison.Ordinal)).Select(m => m.Value).Distinct().Count() == 1));

    [GeneratedRegex(@"\bopen[- ](?:source|sourced|weights?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpenWeightsRegex();

    [GeneratedRegex(@"\b(?:anticipated|upcoming|next generation|next-generation|expected soon|forthcoming)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnticipatedRegex();
}
