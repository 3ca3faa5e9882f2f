namespace IndustryTracker.Cli;

public sealed class CommandLineException(string message) : Exception(message);

/// <summary>Minimal parser: "--name value" options (repeatable) and positional arguments.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string value;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }
                else
                {
                    throw new CommandLineException($"--{name} needs a value.");
                }
                if (!result._options.TryGetValue(name, out var values))
                {
                    result._options[name] = values = [];
                }
                values.Add(value);
            }
            else
            {
                result.Positionals.Add(arg);
            }
        }
        return result;
    }

    public string? Optional(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public string Required(string name) => Optional(name) ?? throw new CommandLineException($"--{name} is required.");

    public IReadOnlyCollection<string> OptionNames => _options.Keys;

    /// <summary>Fails on options the verb does not know, so a typo never passes silently.</summary>
    public void OnlyAllow(params string[] names)
    {
        var unknown = _options.Keys.Except(names, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandLineException($"unknown option --{unknown[0]}.");
        }
    }
}
