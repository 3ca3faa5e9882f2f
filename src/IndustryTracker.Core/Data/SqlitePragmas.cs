using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryTracker.Core.Data;

/// <summary>
/// Set on every SQLite connection the app and the CLI open (see <see cref="DependencyInjection.ConfigureProvider"/>):
/// write-ahead logging, so readers never wait for a writer and a writer never waits for readers;
/// <c>synchronous=FULL</c>, so a write acknowledged to a client survives not only a killed process (NORMAL would
/// too) but also a power loss or OS crash, at the price of one fsync per commit, which a tracker's few, small
/// transactions never notice; and a busy timeout, so two writers queue for up to 10 s instead of failing at once.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
