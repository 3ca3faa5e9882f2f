using IndustryTracker.Core.Data;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Import.Writing;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Review;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Valuations;

namespace IndustryTracker.Core.Import;

/// <summary>
/// Writes one article and its facts in one transaction, one step per job: the article (replacing the previous
/// version of the same file, whose facts are retracted first — <see cref="ArticleRetraction"/>), the rejected facts
/// to skip (<see cref="RejectionMemory"/>), then one writer per fact kind — companies, models, investments,
/// valuations, events — each returning what it wrote, then the dates the article gives (model releases, foundings);
/// the article's paragraphs and the quotes that tie each fact to it are inserted in bulk once the article and the
/// facts have ids (<see cref="RowInserter"/>, <see cref="QuoteWriter"/>).
/// What the importer may change is decided by one rule, <see cref="ImportOwnership"/>. If anything fails, nothing
/// of the article is kept. The search index is refreshed once per quoted event at the end (<see cref="SearchDeferral"/>).
/// </summary>
public sealed class ArticleWriter(IndustryTrackerDbContext db, ReferenceData reference)
{
    /// <summary>The id of the article written by <see cref="WriteAsync"/>, once it has committed.</summary>
    public int? ArticleId { get; private set; }

    /// <summary>What the write decided that a reader should know (editor values kept over the article's), for the log.</summary>
    public List<string> Notes { get; } = [];

    public async Task<ImportCounts> WriteAsync(
        ParsedArticle parsed,
        ArticleFacts facts,
        CompanyDirectory directory,
        string fileName,
        string sha256,
        DateTimeOffset importedAt,
        Article? previous,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var search = await SearchDeferral.BeginAsync(db, cancellationToken);

        var previousSha256 = previous?.Sha256;
        var kept = previous is null ? KeptQuotes.None : await ArticleRetraction.RetractAsync(db, previous, cancellationToken);
        var article = WriteArticle(parsed, fileName, sha256, importedAt, previous);
        var rejections = await RejectionMemory.LoadAsync(db, sha256, previousSha256, cancellationToken);
        var session = new WriteSession(db, reference, article, rejections);

        var companies = CompanyFactWriter.Write(session, facts.Companies, directory);
        var models = await ModelFactWriter.WriteAsync(session, facts.Models, cancellationToken);
        var investments = await InvestmentFactWriter.WriteAsync(session, facts.Investments, cancellationToken);
        var valuations = await ValuationFactWriter.WriteAsync(session, facts.Valuations, cancellationToken);
        var events = await EventFactWriter.WriteAsync(session, facts.Events, models, investments, kept, cancellationToken);
        foreach (var investment in investments.Values)
        {
            kept.Replace(db, nameof(Investment), investment.Id);
        }
        foreach (var valuation in valuations.Values.Distinct())
        {
            kept.Replace(db, nameof(Valuation), valuation.Id);
        }
        ModelFactWriter.ApplyReleases(facts.ModelReleases, models);
        ApplyFoundings(session, facts.Foundings);

        await db.SaveChangesAsync(cancellationToken);
        await RowInserter.InsertAsync(db, "ArticleParagraphs", ParagraphColumns, Paragraphs(parsed), p => [article.Id, p.Number, p.Text], cancellationToken);
        await QuoteWriter.InsertAsync(db, session.Quotes, cancellationToken);
        await search.CompleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ArticleId = article.Id;

        Notes.AddRange(session.Notes);
        Notes.AddRange(kept.Notes());
        if (rejections.Skipped > 0)
        {
            Notes.Add($"{rejections.Skipped} fact(s) an editor rejected were not written again");
        }
        return new ImportCounts(parsed.Paragraphs.Count, companies, models.Count, investments.Count, events.Count, session.Mentions)
        {
            Valuations = valuations.Count,
            Rejected = rejections.Skipped,
            ByConfidence = ConfidenceCounts.Of(facts),
        };
    }

    /// <summary>The article row: new, or the previous version of the same file given the new content.</summary>
    private Article WriteArticle(ParsedArticle parsed, string fileName, string sha256, DateTimeOffset importedAt, Article? previous)
    {
        var title = WriteSession.Text.Truncate(parsed.Title, FactLimits.Title);
        Article article;
        if (previous is null)
        {
            article = new Article(fileName, title, sha256, parsed.CleanText, importedAt);
            db.Articles.Add(article);
        }
        else
        {
            article = previous;
            article.ReplaceContent(title, sha256, parsed.CleanText, importedAt);
        }
        article.Publisher = WriteSession.Text.TruncateOrNull(parsed.Publisher, FactLimits.Publisher);
        article.Author = WriteSession.Text.TruncateOrNull(parsed.Author, FactLimits.Author);
        article.Url = WriteSession.Text.TruncateOrNull(parsed.Url, FactLimits.Url);
        return article;
    }

    private static readonly string[] ParagraphColumns = ["ArticleId", "Number", "Text"];

    /// <summary>The article's paragraphs, inserted in bulk once the article has its id (an article on many lines has
    /// thousands; nothing else in the write refers to them: quotes name their paragraph by number).</summary>
    private static List<ArticleParagraph> Paragraphs(ParsedArticle parsed) =>
        [.. parsed.Paragraphs.Select(p => new ArticleParagraph(p.Number, p.StoredText))];

    /// <summary>A founding date the article states fills a company's missing one, or narrows an importer-owned one.</summary>
    private static void ApplyFoundings(WriteSession session, IReadOnlyList<CompanyFoundedFact> foundings)
    {
        foreach (var founding in foundings)
        {
            var company = session.CompanyFor(founding.Company);
            if (company.Founded is null || (ImportOwnership.Owns(company) && DateNarrowing.Narrows(founding.Date, company.Founded)))
            {
                company.Founded = founding.Date;
            }
        }
    }
}
