using System.Globalization;
using System.Text.Json;
using IndustryTracker.Core;
using IndustryTracker.Core.Accounts;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Export;
using IndustryTracker.Core.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace IndustryTracker.Cli;

/// <summary>The console verbs. The command line is a stable contract: scripts depend on it.</summary>
public static class CliApp
{
    public const string Usage = """
        Usage:
          industrytracker import --db PATH [--dry-run] FILE_OR_FOLDER...
          industrytracker export --db PATH --format json --out FILE [--confirmed true]
          industrytracker backup --db PATH --out FILE      (SQLite online backup; safe while the app runs)
          industrytracker restore --from FILE --db PATH    (stop the app first; the backup is checked before it replaces PATH)
          industrytracker schema-script --provider sqlite|postgres
          industrytracker users add --db PATH --email EMAIL --role Editor|Admin   (password: first line of standard input)
          industrytracker users list --db PATH
          industrytracker users role --db PATH --email EMAIL --role Editor|Admin|none
          industrytracker users lock|unlock|delete --db PATH --email EMAIL
          industrytracker users reset-password --db PATH --email EMAIL   (new password: first line of standard input)
          industrytracker generate --db PATH [--companies N] [--events N] [--investments N] [--seed N]   (synthetic data for benchmarks; new database only)
        """;

    private const string DryRun = "--dry-run";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var rest = args[1..];
            var dryRun = args[0] == "import" && rest.Contains(DryRun);
            var parsed = CommandLine.Parse(dryRun ? [.. rest.Where(a => a != DryRun)] : rest);
            return args[0] switch
            {
                "import" when dryRun => await PreviewAsync(parsed, stdout, stderr, cancellationToken),
                "import" => await ImportAsync(parsed, stdout, stderr, cancellationToken),
                "export" => await ExportAsync(parsed, stdout, cancellationToken),
                "backup" => await BackupOrRestoreAsync(parsed, backup: true, stdout, stderr, cancellationToken),
                "restore" => await BackupOrRestoreAsync(parsed, backup: false, stdout, stderr, cancellationToken),
                "schema-script" => SchemaScript(parsed, stdout),
                "generate" => await GenerateAsync(parsed, stdout, stderr, cancellationToken),
                "users" => await UsersAsync(args.Length > 1 ? args[1] : null, CommandLine.Parse(args[Math.Min(2, args.Length)..]), stdout, stderr, stdin, cancellationToken),
                _ => await UnknownVerbAsync(args[0], stderr),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled: what was committed before stays; the article in progress was not written.");
            return 130;
        }
        catch (CommandLineException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
    }

    /// <summary>Imports files and folders; prints one line per article and one clear line per rejected file on stderr.</summary>
    private static async Task<int> ImportAsync(CommandLine command, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        command.OnlyAllow("db");
        if (command.Positionals.Count == 0)
        {
            throw new CommandLineException("import needs at least one FILE_OR_FOLDER.");
        }
        await using var services = await OpenDatabaseAsync(command.Required("db"), cancellationToken);
        var importer = services.GetRequiredService<IArticleImporter>();

        var progress = new SynchronousProgress<ImportProgress>(p =>
            stdout.WriteLine($"[{p.Done}/{p.Total}] {p.FileName}: {p.Outcome.ToString().ToLowerInvariant()}"));
        var results = await importer.ImportPathsAsync(command.Positionals, progress, cancellationToken);

        foreach (var result in results.Where(r => r.Outcome == ImportOutcome.Imported))
        {
            var c = result.Counts;
            await stdout.WriteLineAsync(
                $"{result.FileName}: {c.Paragraphs} paragraphs, {c.Companies} companies, {c.Models} models, {c.Investments} investments, {c.Events} events, {c.Mentions} mentions{(result.Replaced ? " (replaces the previous version of this file)" : string.Empty)}");
            await stdout.WriteLineAsync($"  by confidence: {c.ByConfidence}; {c.Valuations} valuations");
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  imported in {result.Elapsed.TotalSeconds:0.00} s"));
            foreach (var note in result.Notes)
            {
                await stdout.WriteLineAsync($"  note: {note}");
            }
        }
        foreach (var rejected in results.Where(r => r.Outcome == ImportOutcome.Rejected))
        {
            await stderr.WriteLineAsync($"rejected {rejected.FileName}: {rejected.Error}");
        }
        var imported = results.Count(r => r.Outcome == ImportOutcome.Imported);
        var unchanged = results.Count(r => r.Outcome == ImportOutcome.Unchanged);
        var failed = results.Count(r => r.Outcome == ImportOutcome.Rejected);
        await stdout.WriteLineAsync($"{imported} imported, {unchanged} unchanged, {failed} rejected");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// import --dry-run: runs the importer's preview over the files and prints what an import would write (the same
    /// per-article line and totals), writing nothing; the exit code is that of the real import.
    /// </summary>
    private static async Task<int> PreviewAsync(CommandLine command, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        command.OnlyAllow("db");
        if (command.Positionals.Count == 0)
        {
            throw new CommandLineException("import needs at least one FILE_OR_FOLDER.");
        }
        var dbPath = command.Required("db");
        if (!File.Exists(dbPath))
        {
            throw new CommandLineException($"no database at '{dbPath}'; a dry run does not create one.");
        }
        await using var services = await OpenDatabaseAsync(dbPath, cancellationToken);
        var previews = await services.GetRequiredService<IArticleImporter>().PreviewPathsAsync(command.Positionals, progress: null, cancellationToken);
        foreach (var preview in previews)
        {
            var c = preview.Counts;
            var line = preview.Outcome switch
            {
                ImportOutcome.Imported => $"would import {preview.FileName}: {c.Paragraphs} paragraphs, {c.Companies} companies ({preview.Companies.Count(x => x.IsNew)} new), {c.Models} models, {c.Investments} investments, {c.Events} events, {c.Mentions} mentions",
                ImportOutcome.Unchanged => $"unchanged {preview.FileName}: already imported",
                _ => null,
            };
            if (line is null)
            {
                await stderr.WriteLineAsync($"rejected {preview.FileName}: {preview.Error}");
            }
            else
            {
                await stdout.WriteLineAsync(line);
                if (preview.Outcome == ImportOutcome.Imported)
                {
                    await stdout.WriteLineAsync($"  by confidence: {c.ByConfidence}; {c.Valuations} valuations");
                    foreach (var warning in preview.Warnings)
                    {
                        await stdout.WriteLineAsync($"  note: {warning}");
                    }
                }
            }
        }
        var failed = previews.Count(p => p.Outcome == ImportOutcome.Rejected);
        await stdout.WriteLineAsync(
            $"dry run: {previews.Count(p => p.Outcome == ImportOutcome.Imported)} would be imported, {previews.Count(p => p.Outcome == ImportOutcome.Unchanged)} unchanged, {failed} rejected; nothing was written");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> ExportAsync(CommandLine command, TextWriter stdout, CancellationToken cancellationToken)
    {
        command.OnlyAllow("db", "format", "out", "confirmed");
        var confirmed = command.Optional("confirmed") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new CommandLineException($"--confirmed must be true or false, not '{other}'."),
        };
        var format = command.Optional("format") ?? "json";
        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandLineException($"--format must be json, not '{format}'.");
        }
        var outPath = command.Required("out");
        var db = command.Required("db");
        if (!File.Exists(db))
        {
            throw new CommandLineException($"no database at '{db}'.");
        }
        await using var services = await OpenDatabaseAsync(db, cancellationToken);
        var document = await services.GetRequiredService<ExportService>().BuildAsync(confirmed, cancellationToken);

        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var temporary = outPath + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(file, document, EnumNames.JsonOptions, cancellationToken);
        }
        File.Move(temporary, outPath, overwrite: true);
        await stdout.WriteLineAsync(
            $"exported {document.Companies.Count} companies, {document.Models.Count} models, {document.Investments.Count} investments, {document.Events.Count} events, {document.Articles.Count} articles to {outPath}");
        return 0;
    }

    /// <summary>
    /// <c>users add</c>: creates an account named by its email with a role, the password read from the first line of
    /// standard input (never from the command line, where other users and shell history would see it). <c>users
    /// list</c>: one line per account. A weak password, unknown role, taken email or missing database is one line on
    /// stderr and exit code 1; nothing is written.
    /// </summary>
    private static async Task<int> UsersAsync(string? action, CommandLine command, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case "add":
            {
                command.OnlyAllow("db", "email", "role");
                var db = command.Required("db");
                var email = command.Required("email");
                var role = command.Required("role");
                if (AccountRoles.Find(role) is null)
                {
                    return await FailAsync(stderr, $"unknown role '{role}': use {string.Join(" or ", AccountRoles.All)}.");
                }
                if (!File.Exists(db))
                {
                    return await FailAsync(stderr, $"no database at '{db}'.");
                }
                var password = (await stdin.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
                if (string.IsNullOrEmpty(password))
                {
                    return await FailAsync(stderr, "no password: write it as the first line of standard input.");
                }
                await using var services = await OpenDatabaseAsync(db, cancellationToken);
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, password, role, cancellationToken);
                if (!result.Succeeded)
                {
                    return await FailAsync(stderr, result.ErrorMessage);
                }
                await stdout.WriteLineAsync($"created {email.Trim()} ({AccountRoles.Find(role)})");
                return 0;
            }
            case "list":
            {
                command.OnlyAllow("db");
                var db = command.Required("db");
                if (!File.Exists(db))
                {
                    return await FailAsync(stderr, $"no database at '{db}'.");
                }
                await using var services = await OpenDatabaseAsync(db, cancellationToken);
                await using var scope = services.CreateAsyncScope();
                foreach (var account in await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync(cancellationToken))
                {
                    var roles = account.Roles.Count == 0 ? "(no role)" : string.Join(",", account.Roles);
                    var locked = account.LockedOutUntil is { } until ? $" locked until {until:u}" : string.Empty;
                    await stdout.WriteLineAsync($"{account.Email}\t{roles}{locked}");
                }
                return 0;
            }
            case "role" or "lock" or "unlock" or "delete" or "reset-password":
                return await ManageUserAsync(action, command, stdout, stderr, stdin, cancellationToken);
            default:
                throw new CommandLineException("users needs an action: add, list, role, lock, unlock, reset-password or delete.");
        }
    }

    /// <summary>
    /// <c>users role|lock|unlock|reset-password|delete</c>: the admin's account operations from the machine's shell
    /// (<see cref="AccountAdministration"/>; the last admin can't be demoted, locked or deleted here either). The new
    /// password of reset-password is read from the first line of standard input. A refusal is one line on stderr and
    /// exit code 1; nothing is written.
    /// </summary>
    private static async Task<int> ManageUserAsync(string action, CommandLine command, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        if (action == "role")
        {
            command.OnlyAllow("db", "email", "role");
        }
        else
        {
            command.OnlyAllow("db", "email");
        }
        var db = command.Required("db");
        var email = command.Required("email");
        var role = action == "role" ? command.Required("role") : null;
        if (!File.Exists(db))
        {
            return await FailAsync(stderr, $"no database at '{db}'.");
        }
        string? password = null;
        if (action == "reset-password" && string.IsNullOrEmpty(password = (await stdin.ReadLineAsync(cancellationToken))?.TrimEnd('\r')))
        {
            return await FailAsync(stderr, "no password: write the new password as the first line of standard input.");
        }
        await using var services = await OpenDatabaseAsync(db, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var result = action switch
        {
            "role" => await admin.SetRoleAsync(email, role, actor: null, cancellationToken),
            "lock" => await admin.LockAsync(email, actor: null, cancellationToken),
            "unlock" => await admin.UnlockAsync(email, actor: null, cancellationToken),
            "reset-password" => await admin.ResetPasswordAsync(email, password!, actor: null, cancellationToken),
            _ => await admin.DeleteAsync(email, actor: null, cancellationToken),
        };
        if (!result.Succeeded)
        {
            return await FailAsync(stderr, result.ErrorMessage);
        }
        var done = action switch
        {
            "role" => $"{email.Trim()} is now {AccountRoles.Find(role) ?? "without a role"}",
            "lock" => $"locked {email.Trim()}",
            "unlock" => $"unlocked {email.Trim()}",
            "reset-password" => $"set a new password for {email.Trim()}",
            _ => $"deleted {email.Trim()}",
        };
        await stdout.WriteLineAsync(done);
        return 0;
    }

    /// <summary>
    /// <c>generate</c>: fills a new (or empty) SQLite file with a deterministic synthetic dataset for benchmarks and
    /// load tests. Refused, writing nothing, on a database that holds imported articles or any other data.
    /// </summary>
    private static async Task<int> GenerateAsync(CommandLine command, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        command.OnlyAllow("db", "companies", "events", "investments", "seed");
        var dbPath = command.Required("db");
        var size = new Synthetic.SyntheticDatasetSize(
            Integer(command, "companies", 2000),
            Integer(command, "events", 100_000),
            Integer(command, "investments", 20_000),
            Integer(command, "seed", 42));
        var errors = size.Validate();
        if (errors.Count > 0)
        {
            throw new CommandLineException(string.Join(" ", errors));
        }
        await using var services = await OpenDatabaseAsync(dbPath, cancellationToken);
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var counts = await Synthetic.SyntheticDataset.GenerateAsync(
                services.GetRequiredService<DatabaseOptions>(), size, new SynchronousProgress<string>(line => stdout.WriteLine($"  {line}")), cancellationToken);
            await stdout.WriteLineAsync(
                $"generated {counts.Companies} companies, {counts.Models} models, {counts.Investments} investments, {counts.Events} events, {counts.Articles} articles, {counts.Mentions} event quotes in {started.Elapsed.TotalSeconds:0.0} s (seed {size.Seed}) into {dbPath}");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            return await FailAsync(stderr, ex.Message);
        }
    }

    private static int Integer(CommandLine command, string name, int fallback) =>
        command.Optional(name) is not { } text
            ? fallback
            : int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new CommandLineException($"--{name} must be a whole number, not '{text}'.");


    private static async Task<int> BackupOrRestoreAsync(CommandLine command, bool backup, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string from, to;
        if (backup)
        {
            command.OnlyAllow("db", "out");
            (from, to) = (command.Required("db"), command.Required("out"));
        }
        else
        {
            command.OnlyAllow("from", "db");
            (from, to) = (command.Required("from"), command.Required("db"));
        }
        var problem = backup
            ? await SqliteBackup.BackupAsync(from, to, cancellationToken)
            : await SqliteBackup.RestoreAsync(from, to, cancellationToken);
        if (problem is not null)
        {
            return await FailAsync(stderr, problem);
        }
        await stdout.WriteLineAsync(backup ? $"backed up {from} to {to}" : $"restored {to} from {from}");
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"error: {message}");
        return 1;
    }

    /// <summary>A service provider over the SQLite file at <paramref name="dbPath"/>, created or upgraded first.</summary>
    private static async Task<ServiceProvider> OpenDatabaseAsync(string dbPath, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = $"Data Source={Path.GetFullPath(dbPath)}",
                [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.Sqlite),
                // Standard output is the command's contract: the console sink writes warnings and errors to stderr.
                ["Serilog:WriteTo:0:Args:standardErrorFromLevel"] = nameof(Serilog.Events.LogEventLevel.Verbose),
                ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = nameof(Serilog.Events.LogEventLevel.Warning),
            })
            .AddEnvironmentVariables()
            .Build();
        var logger = new Serilog.LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSerilog(logger, dispose: true))
            .AddIndustryTrackerCore(configuration)
            .AddIndustryTrackerAccounts()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        // Every command goes on to use the model: its build starts now, beside the database check.
        var upgrader = services.GetRequiredService<DatabaseUpgrader>();
        _ = upgrader.BuildModelInBackground();
        await upgrader.MigrateAsync(cancellationToken);
        return services;
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
