using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryTracker.Core.Queries;

/// <summary>
/// Invalidates the <see cref="QueryCache"/> whenever a command that may write (anything but a SELECT) runs, and again
/// when a transaction commits, so SaveChanges, ExecuteUpdate/ExecuteDelete and raw SQL writes all count.
/// </summary>
public sealed class QueryCacheInvalidator(QueryCache cache) : DbCommandInterceptor, IDbTransactionInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        InvalidateIfWrite(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        InvalidateIfWrite(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        InvalidateIfWrite(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        InvalidateIfWrite(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => cache.Invalidate();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }

    private void InvalidateIfWrite(DbCommand command)
    {
        if (!IsRead(command.CommandText))
        {
            cache.Invalidate();
        }
    }

    /// <summary>True for a command that only reads: it starts with SELECT (or is empty).</summary>
    internal static bool IsRead(string? sql)
    {
        var text = (sql ?? string.Empty).AsSpan().TrimStart();
        return text.IsEmpty || text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }
}
