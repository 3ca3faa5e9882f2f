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
                if (list.Count == 0 || list[^1].Paragraph != scan.Paragraph.Number)
                {
                    list.Add(new SourceQuote(scan.Paragraph.Number, scan.QuoteAt(match.Start)));
                }
            }
        }
        var open = Stated(scans, OpenWeightsRegex());
        var anticipated = Stated(scans, AnticipatedRegex());
        return order
            .Select(model => new ModelFact(
                model,
                model.DeveloperName is { } developer ? directory.Resolve(developer) : null,
                sources[model])
            {
                StatedAccessibility = open.Contains(model) ? Accessibility.OpenWeights : null,
                StatedStatus = anticipated.Contains(model) ? AiModelStatus.Anticipated : null,
                Provenance = model.Reference is not null || model.Existing is not null
                    ? new Provenance("model.known", FactConfidence.High)
                    : new Provenance("model.brand-version", FactConfidence.High),
            })
            .ToList();
    }

    /// <summary>The models that are the only model of a sentence matching <paramref name="regex"/> (one pass).</summary>
    private static HashSet<ModelIdentity> Stated(IReadOnlyList<ParagraphScan> scans, Regex regex)
    {
        var result = new HashSet<ModelIdentity>();
        foreach (var scan in scans)
        {
            if (scan.Models.Count == 0)
            {
                continue;
            }
            var next = 0;
            foreach (var (start, end) in scan.SentenceSpans)
            {
                while (next < scan.Models.Count && scan.Models[next].Start < start)
                {
                    next++;
                }
                var inSentence = new List<ModelIdentity>();
                for (var m = next; m < scan.Models.Count && scan.Models[m].Start < end; m++)
                {
                    inSentence.Add(scan.Models[m].Value);
                }
                if (inSentence.Count > 0 && inSentence.Distinct().Count() == 1 && regex.IsMatch(scan.Paragraph.Text.AsSpan(start, end - start)))
                {
                    result.Add(inSentence[0]);
                }
            }
        }
        return result;
    }

    [GeneratedRegex(@"\bopen[- ](?:source|sourced|weights?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpenWeightsRegex();

    [GeneratedRegex(@"\b(?:anticipated|upcoming|next generation|next-generation|expected soon|forthcoming)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnticipatedRegex();
}
