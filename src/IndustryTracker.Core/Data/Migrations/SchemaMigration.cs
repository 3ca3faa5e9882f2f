namespace IndustryTracker.Core.Data.Migrations;

/// <summary>One versioned schema step: SQL applied in a single transaction, recorded in "__SchemaVersions".</summary>
public sealed record SchemaMigration(string Version, string Sql);

/// <summary>The hand-written migrations shipped as embedded SQL scripts, per provider, in version order.</summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> For(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var prefix = $"{typeof(SchemaMigrations).Namespace}.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new SchemaMigration(name[prefix.Length..^".sql".Length], reader.ReadToEnd());
            })
            .ToList();
    }
}
