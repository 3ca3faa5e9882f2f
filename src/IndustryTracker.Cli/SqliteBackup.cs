using Microsoft.Data.Sqlite;

namespace IndustryTracker.Cli;

/// <summary>
/// <c>backup</c> and <c>restore</c> of a SQLite database with SQLite's online backup API: a consistent copy of the last
/// committed state even while the app keeps writing (in WAL mode writers are not blocked while it copies), checked
/// with <c>PRAGMA integrity_check</c> before it replaces anything. For PostgreSQL use
/// <c>pg_dump --format=custom</c> and <c>pg_restore</c> (docs/security.md).
/// </summary>
internal static class SqliteBackup
{
    public static async Task<string?> BackupAsync(string databasePath, string outPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return $"no database at '{databasePath}'.";
        }
        return await CopyCheckedAsync(databasePath, outPath, cancellationToken);
    }

    public static async Task<string?> RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(backupPath))
        {
            return $"no backup at '{backupPath}'.";
        }
        var problem = await CheckAsync(backupPath, cancellationToken);
        if (problem is not null)
        {
            return $"'{backupPath}' is not a usable backup ({problem}); nothing was restored.";
        }
        // Copied into the live file through SQLite itself (one transaction on the target), not by replacing the file, so
        // a connection still open on it sees either the old or the restored content, never a file swapped underneath.
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await using (var from = new SqliteConnection(ConnectionString(backupPath, SqliteOpenMode.ReadOnly)))
        await using (var to = new SqliteConnection(ConnectionString(databasePath, SqliteOpenMode.ReadWriteCreate)))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);
        }
        problem = await CheckAsync(databasePath, cancellationToken);
        return problem is null ? null : $"the restored database failed its check ({problem}).";
    }

    /// <summary>Copies into a temporary file next to <paramref name="target"/> (a new file nobody has open), checks it, then moves it into place.</summary>
    private static async Task<string?> CopyCheckedAsync(string source, string target, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(target));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var temporary = Path.GetFullPath(target) + ".partial";
        File.Delete(temporary);
        try
        {
            await using (var from = new SqliteConnection(ConnectionString(source, SqliteOpenMode.ReadOnly)))
            await using (var to = new SqliteConnection(ConnectionString(temporary, SqliteOpenMode.ReadWriteCreate)))
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);
            }
            var problem = await CheckAsync(temporary, cancellationToken);
            if (problem is not null)
            {
                return $"the copy failed its check ({problem}); '{target}' was not changed.";
            }
            File.Move(temporary, target, overwrite: true);
            return null;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Null when the file is an intact IndustryTracker database, else what is wrong.</summary>
    private static async Task<string?> CheckAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync(cancellationToken);
            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            var result = (string?)await integrity.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                return $"integrity_check: {result}";
            }
            await using var schema = connection.CreateCommand();
            schema.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'Events'";
            return Convert.ToInt64(await schema.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1
                ? null
                : "it has no IndustryTracker tables";
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    private static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = mode, Pooling = false }.ToString();
}
