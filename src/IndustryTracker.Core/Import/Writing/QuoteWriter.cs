using IndustryTracker.Core.Data;
using IndustryTracker.Core.Sources;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// Inserts an article's quotes (mentions) in bulk (<see cref="RowInserter"/>), inside the write's transaction and after
/// its facts were saved, so every fact and the article have their ids. A 1 MB article on many lines quotes its
/// companies once per paragraph — tens of thousands of rows, which as tracked entities were most of the write's
/// time. A mention whose fact has no id is a writer bug: it fails the write, and the transaction takes everything back.
/// </summary>
internal static class QuoteWriter
{
    private static readonly string[] Columns = ["ArticleId", "Paragraph", "Quote", "CompanyId", "AiModelId", "InvestmentId", "TimelineEventId", "ValuationId"];

    /// <summary>Rows per INSERT.</summary>
    internal static int RowsPerStatement => RowInserter.RowsPerStatement(Columns.Length);

    public static Task InsertAsync(IndustryTrackerDbContext db, IReadOnlyList<Mention> quotes, CancellationToken cancellationToken) =>
        RowInserter.InsertAsync(db, "Mentions", Columns, quotes, Values, cancellationToken);

    /// <summary>The row of a mention, its keys read from the saved article and fact it refers to.</summary>
    private static object?[] Values(Mention mention) =>
    [
        Id(mention.Article.Id),
        mention.Paragraph,
        mention.Quote,
        mention.Company is { } company ? Id(company.Id) : null,
        mention.AiModel is { } model ? Id(model.Id) : null,
        mention.Investment is { } investment ? Id(investment.Id) : null,
        mention.TimelineEvent is { } timelineEvent ? Id(timelineEvent.Id) : null,
        mention.Valuation is { } valuation ? Id(valuation.Id) : null,
    ];

    private static int Id(int id) => id > 0 ? id : throw new InvalidOperationException("A quote refers to a record that was not saved.");
}
