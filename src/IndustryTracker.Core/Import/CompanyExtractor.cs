namespace IndustryTracker.Core.Import;

/// <summary>
/// One fact per company named in the article, with one source per paragraph it appears in (the sentence that names
/// it). A profiled company always gets its profile paragraph as a source and the profile description as its summary.
/// </summary>
public static class CompanyExtractor
{
    public static List<CompanyFact> Extract(ParsedArticle article, IReadOnlyList<ParagraphScan> scans, CompanyDirectory directory)
    {
        var sources = new Dictionary<CompanyIdentity, List<SourceQuote>>();
        var order = new List<CompanyIdentity>();
        void AddSource(CompanyIdentity company, SourceQuote quote)
        {
            if (!sources.TryGetValue(company, out var list))
            {
                sources[company] = list = [];
                order.Add(company);
            }
            if (list.Count == 0 || list[^1].Paragraph != quote.Paragraph)
            {
                list.Add(quote);
            }
        }

        var profiles = article.Profiles.ToDictionary(p => p.Paragraph);
        foreach (var scan in scans)
        {
            if (profiles.TryGetValue(scan.Paragraph.Number, out var profile) && directory.Resolve(profile.Name) is { } profiled)
            {
                var own = scan.Companies.FirstOrDefault(c => c.Value == profiled);
                AddSource(profiled, new SourceQuote(scan.Paragraph.Number, own is null ? FirstSentence(profile.Description) : scan.QuoteAt(own.Start)));
            }
            foreach (var match in scan.Companies)
            {
                AddSource(match.Value, new SourceQuote(scan.Paragraph.Number, scan.QuoteAt(match.Start)));
            }
        }

        return order
            .Select(company => new CompanyFact(
                company,
                article.Profiles.FirstOrDefault(p => directory.Resolve(p.Name) == company)?.Description,
                sources[company]))
            .ToList();
    }

    private static string FirstSentence(string text) => Text.Sentences.Split(text) is [var first, ..] ? first : text;
}
