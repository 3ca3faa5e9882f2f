using IndustryTracker.Core;
using IndustryTracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Cli;

/// <summary>The console verbs. The command line is a stable contract: scripts depend on it.</summary>
public static class CliApp
{
    public const string Usage = """
        Usage:
          industrytracker import --db PATH FILE_OR_FOLDER...
          industrytracker export --db PATH --format json --out FILE
          industrytracker schema-script --provider sqlite|postgres
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var parsed = CommandLine.Parse(args[1..]);
            return args[0] switch
            {
                "schema-script" => SchemaScript(parsed, stdout),
                _ => await UnknownVerbAsync(args[0], stderr),
            };
        }
        catch (CommandLineException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
    }

    private static async Task<int> UnknownVerbAsync(string verb, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"error: unknown command '{verb}'.");
        await stderr.WriteLineAsync(Usage);
        return 2;
    }

    /// <summary>Prints the CREATE script EF generates for the current model: the starting point of a new migration.</summary>
    private static int SchemaScript(CommandLine command, TextWriter stdout)
    {
        var provider = command.Required("provider").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            var other => throw new CommandLineException($"--provider must be sqlite or postgres, not '{other}'."),
        };
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost",
        };
        var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
        DependencyInjection.ConfigureProvider(builder, options);
        using var context = new IndustryTrackerDbContext(builder.Options);
        stdout.Write(context.Database.GenerateCreateScript());
        return 0;
    }
}
