namespace IndustryTracker.Tests.Support;

/// <summary>
/// A database as the hand-written migrations of earlier releases made it: the SQL scripts they shipped (kept as test
/// data in TestData/LegacySchema/{provider}) applied in order and recorded in their "__SchemaVersions" table.
/// </summary>
public static class LegacyDatabase
{
    public static async Task CreateSchemaAsync(TestDatabase database, Func<string, bool>? include = null)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "LegacySchema", database.Options.Provider.ToString());
        await database.ExecuteSqlAsync("""CREATE TABLE "__SchemaVersions" ("Version" varchar(100) NOT NULL PRIMARY KEY, "AppliedAt" varchar(40) NOT NULL);""");
        foreach (var file in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            var version = Path.GetFileNameWithoutExtension(file);
            if (include is not null && !include(version))
            {
                continue;
            }
            await database.ExecuteSqlAsync(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            await database.ExecuteSqlAsync($"""INSERT INTO "__SchemaVersions" ("Version", "AppliedAt") VALUES ('{version}', '2026-11-30T00:00:00+00:00');""");
        }
    }
}
