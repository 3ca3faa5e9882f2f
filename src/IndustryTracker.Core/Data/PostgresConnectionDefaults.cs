using System.Data.Common;
using Npgsql;

namespace IndustryTracker.Core.Data;

/// <summary>
/// What the app changes in Npgsql's defaults when the connection string leaves a setting out. A setting the
/// connection string names (in any of Npgsql's spellings) is kept as given.
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>
    /// Npgsql prepares a command on the server once a connection has run its SQL this many times
    /// (<c>Auto Prepare Min Usages</c>, 5) and keeps up to this many per connection. Npgsql's own default is 0: every
    /// command is parsed and planned again, which was half of PostgreSQL's CPU for a filtered page of
    /// <c>/api/events</c> at 100k events (docs/benchmarks.md).
    /// </summary>
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => Normalized(key) == "maxautoprepare"))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare }.ConnectionString;
    }

    private static string Normalized(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
