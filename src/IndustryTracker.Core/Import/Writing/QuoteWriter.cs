using System.Data.Common;
using System.Text;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// Inserts an article's quotes (mentions) in bulk, inside the write's transaction and after its facts were saved, so
/// every fact and the article have their ids: one INSERT of <see cref="RowsPerStatement"/> rows, prepared once and run
/// with new values for each group of quotes, instead of one tracked entity and one statement per quote. A 1 MB
/// article on many lines quotes its companies once per paragraph — tens of thousands of rows, which as tracked
/// entities were most of the write's time. (Few rows per statement: SQLite's driver looks each parameter up by name,
/// so a statement with thousands of parameters costs more than several small ones.) A mention whose fact has no id is
/// a writer bug: it fails the write, and the transaction takes everything back.
/// </summary>
internal static class QuoteWriter
{
    /// <summary>Rows per INSERT (8 parameters each).</summary>
    internal const int RowsPerStatement = 25;

    private const int ColumnCount = 8;

    private const string Columns = "\"ArticleId\", \"Paragraph\", \"Quote\", \"CompanyId\", \"AiModelId\", \"InvestmentId\", \"TimelineEventId\", \"ValuationId\"";

    public static async Task InsertAsync(IndustryTrackerDbContext db, IReadOnlyList<Mention> quotes, CancellationToken cancellationToken)
    {
        if (quotes.Count == 0)
        {
            return;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Quotes are written inside the article's transaction.");
        var connection = db.Database.GetDbConnection();
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < quotes.Count; start += RowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(RowsPerStatement, quotes.Count - start);
                var command = count == RowsPerStatement ? full ??= Insert(connection, transaction, count) : Insert(connection, transaction, count);
                for (var row = 0; row < count; row++)
                {
                    var values = Values(quotes[start + row]);
                    for (var column = 0; column < ColumnCount; column++)
                    {
                        command.Parameters[(row * ColumnCount) + column].Value = values[column] ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    /// <summary>An INSERT of <paramref name="rows"/> rows with its parameters, values to be set.</summary>
    private static DbCommand Insert(DbConnection connection, DbTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"Mentions\" (").Append(Columns).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < ColumnCount; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{row}_{column}";
                command.Parameters.Add(parameter);
                sql.Append(column == 0 ? parameter.ParameterName : ", " + parameter.ParameterName);
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(';').ToString();
        return command;
    }

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
