using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>Turns extracted facts into an <see cref="ImportPreview"/>; counts what <see cref="ArticleWriter"/> would write.</summary>
internal static class ImportPreviewBuilder
{
    public static ImportPreview Build(string fileName, string sha256, ParsedArticle article, ArticleFacts? facts, int? existingArticleId)
    {
        var preview = new ImportPreview(fileName, existingArticleId is null ? ImportOutcome.Imported : ImportOutcome.Unchanged, null)
        {
            Sha256 = sha256,
            ExistingArticleId = existingArticleId,
            Title = article.Title,
            Publisher = article.Publisher,
            Author = article.Author,
            Url = article.Url,
            PublishedOn = article.PublishedOn,
            Paragraphs = article.Paragraphs.Count,
            Warnings = article.Warnings,
        };
        if (facts is null)
        {
            return preview;
        }

        var mentions = facts.Companies.Sum(c => c.Sources.Count) + facts.Models.Sum(m => m.Sources.Count)
            + facts.Investments.Sum(i => i.Sources.Count) + facts.Events.Sum(e => e.Sources.Count) + facts.Valuations.Count;
        return preview with
        {
            Companies = [.. facts.Companies.Select(c => new PreviewCompany(
                Name(c.Company), c.Company.Existing is null, c.Company.Existing?.Slug ?? Slugs.From(Name(c.Company)), Quotes(c.Sources)))],
            Models = [.. facts.Models.Select(m => new PreviewModel(
                m.Model.Existing?.Name ?? m.Model.Name, m.Model.Existing is null, m.Developer is null ? null : Name(m.Developer), Quotes(m.Sources)))],
            Investments = [.. facts.Investments.Select(i => new PreviewInvestment(
                EnumNames.Of(i.Kind),
                i.Recipient is null ? null : Name(i.Recipient),
                [.. i.Investors.Select(x => Name(x.Company))],
                i.Amounts.Count == 0 ? null : i.Amounts[0].AsReported,
                i.Round,
                DateDto.FromNullable(i.Announced),
                Quotes(i.Sources)))],
            Events = [.. facts.Events.Select(e => new PreviewEvent(
                e.Title,
                DateDto.From(e.Date),
                EnumNames.Of(e.Category),
                [.. e.Companies.Select(Name)],
                [.. e.Models.Select(m => m.Existing?.Name ?? m.Name)],
                Quotes(e.Sources)))],
            Valuations = [.. facts.Valuations.Select(v => new PreviewValuation(
                Name(v.Company), v.AsReported, DateDto.FromNullable(v.Date), EnumNames.Of(v.Provenance.Confidence), Quotes([v.Source])))],
            Counts = new ImportCounts(article.Paragraphs.Count, facts.Companies.Count, facts.Models.Count, facts.Investments.Count, facts.Events.Count, mentions)
            {
                Valuations = facts.Valuations.Count,
                ByConfidence = ConfidenceCounts.Of(facts),
            },
        };
    }

    /// <summary>The name the company is (or would be) stored under: the existing row's, else the reference list's, else as read.</summary>
    private static string Name(CompanyIdentity company) => company.Existing?.Name ?? company.Reference?.Name ?? company.Name;

    private static IReadOnlyList<PreviewQuote> Quotes(IReadOnlyList<SourceQuote> sources) =>
        [.. sources.Select(s => new PreviewQuote(s.Paragraph, s.Quote))];
}
