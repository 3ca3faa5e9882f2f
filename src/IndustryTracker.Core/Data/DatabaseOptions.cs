using System.ComponentModel.DataAnnotations;

namespace IndustryTracker.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the "Database" section; the connection string is ConnectionStrings:IndustryTracker.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "IndustryTracker";
    public const string DefaultSqliteConnectionString = "Data Source=data/industrytracker.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}
