using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryTracker.Core.Data;

/// <summary>
/// Set on every SQLite connection the app and the CLI open (see <see cref="DependencyInjection.ConfigureProvider"/>):
/// write-ahead logging, so readers never wait for a writer and a writer never waits for readers;
/// <c>synchronous=FULL</c>, so a write acknowledged to a client survives not only a killed process (NORMAL would
/// too) but also a power loss or OS crash, at the price of one fsync per commit, which a tracker's few, small
/// transactions never notice; and a busy timeout, so two writers queue for up to 10 s instead of failing at once.
/// </summary>
/// <remarks>
/// The settings belong to the native connection, which Microsoft.Data.Sqlite's pool hands out again on the next open:
/// they are set once per native connection, not on each of the several opens a request makes (EF Core opens and closes
/// the connection around every query; three statements more per query were a measurable part of an API request).
/// </remarks>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadySet(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadySet(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private static bool AlreadySet(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, Configured);
        }
    }
}
