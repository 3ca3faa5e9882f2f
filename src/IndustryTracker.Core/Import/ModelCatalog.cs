using System.Text;
using System.Text.RegularExpressions;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>An AI model as the importer knows it while reading one article.</summary>
public sealed class ModelIdentity
{
    public ModelIdentity(string name)
    {
        Name = name.Trim();
        Key = ModelCatalog.Key(Name);
    }

    public string Name { get; }
    public string Key { get; }
    public AiModel? Existing { get; internal set; }
    public ReferenceModel? Reference { get; internal set; }

    /// <summary>The developer's company name, from the reference list, the model brand or the existing row.</summary>
    public string? DeveloperName { get; internal set; }

    public override string ToString() => Name;
}

/// <summary>
/// Recognises AI model names: the reference list (names and aliases, whole words) and the general pattern
/// "&lt;brand&gt;&lt;version&gt;" for known brands: "DeepSeek-R1", "DeepSeek-R-1" (same model), "DeepSeek's R1",
/// "Qwen2.5-Max", "Qwen-72B", "Ernie 4.5", "GPT-4 Turbo", "Llama 3.1". Models already in the database are matched
/// by the same key (letters, digits and decimal points only, lower-case).
/// </summary>
public sealed partial class ModelCatalog
{
    private const string Suffixes = "Max|Turbo|Plus|Pro|Mini|Lightning|Instruct|Coder|Flash|Ultra|VL|Preview|Thinking|Exp|Reasoner|Air|Omni|Nano|Vision|Chat";

    /// <summary>Tier words some brands put between the brand and the version ("Claude Sonnet 4.5").</summary>
    private const string Tiers = "Sonnet|Opus|Haiku";

    private readonly Dictionary<string, ModelIdentity> _byKey = new(StringComparer.Ordinal);
    private readonly PhraseMatcher<ModelIdentity> _names = new();
    private readonly Dictionary<string, ModelBrand> _brands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Regex? _pattern;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private ModelCatalog(ReferenceData reference, IEnumerable<AiModel> existing)
    {
        foreach (var model in existing)
        {
            var identity = Identity(model.Name);
            identity.Existing ??= model;
            identity.DeveloperName = model.Developer?.Name ?? identity.DeveloperName;
            _names.Add(model.Name, identity);
        }
        foreach (var entry in reference.Models)
        {
            var identity = entry.Aliases.Select(a => _byKey.GetValueOrDefault(Key(a))).FirstOrDefault(i => i is not null) ?? Identity(entry.Name);
            identity.Reference ??= entry;
            identity.DeveloperName = identity.Existing?.Developer?.Name ?? entry.Developer ?? identity.DeveloperName;
            foreach (var name in entry.Aliases.Prepend(entry.Name))
            {
                _byKey.TryAdd(Key(name), identity);
                _names.Add(name, identity);
            }
        }
        foreach (var brand in reference.Brands)
        {
            _brands.TryAdd(brand.Brand, brand);
        }
        if (_brands.Count > 0)
        {
            var brands = string.Join('|', _brands.Keys.OrderByDescending(b => b.Length).Select(Regex.Escape));
            var pattern =
                @"(?<![\p{L}\p{N}])(?<brand>" + brands + @")(?<tier>\s(?:" + Tiers + @"))?(?:(?<poss>['\u2019]s\s+)|(?<sep>[-\s]?))" +
                @"(?<ver>[A-Za-z]-?\d+(?:\.\d+)?|\d{1,2}(?:\.\d+)?(?:[BbKk]|o)?)" +
                @"(?<size>(?:-A?\d+(?:\.\d+)?[BbMm])*)" +
                @"(?<suffix>(?:[-\s](?:" + Suffixes + @"))*)(?![\p{L}\p{N}])";
            // Compiled once per brand list (the reference lists rarely change), not interpreted on every import.
            // No per-match time-out: the pattern has no nested or overlapping quantifiers, so a match is linear in the
            // sentence, and the import as a whole has its time budget (BoundedArticleImporter). A wall-clock time-out
            // of a second, which also counted the JIT of the compiled pattern, rejected ordinary articles on a busy
            // machine ("The Regex engine has timed out").
            _pattern = Patterns.GetOrAdd(pattern, p => new Regex(
                p,
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled,
                Regex.InfiniteMatchTimeout));
        }
    }

    public static ModelCatalog Build(ReferenceData reference, IEnumerable<AiModel> existing) => new(reference, existing);

    /// <summary>Matching key: lower-case letters and digits, keeping a decimal point between digits ("qwen2.5max").</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (ch == '.' && i > 0 && i + 1 < name.Length && char.IsAsciiDigit(name[i - 1]) && char.IsAsciiDigit(name[i + 1]))
            {
                builder.Append('.');
            }
        }
        return builder.ToString();
    }

    /// <summary>Model names in <paramref name="text"/>, in order and without overlaps (the longer name wins).</summary>
    public IReadOnlyList<PhraseMatch<ModelIdentity>> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PhraseMatch<ModelIdentity>>(_names.FindAll(text));
        if (_pattern is not null)
        {
            for (var m = _pattern.Match(text); m.Success; m = m.NextMatch())
            {
                if (m.Groups["poss"].Success && !char.IsLetter(m.Groups["ver"].Value[0]))
                {
                    continue;
                }
                found.Add(new PhraseMatch<ModelIdentity>(Identity(CanonicalName(m)), m.Index, m.Length, m.Value));
            }
        }
        var result = new List<PhraseMatch<ModelIdentity>>();
        foreach (var match in found.OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (result.Count == 0 || match.Start >= result[^1].End)
            {
                result.Add(match);
            }
        }
        return result;
    }

    private string CanonicalName(Match m)
    {
        var brand = _brands[m.Groups["brand"].Value].Brand;
        var version = LetterCodeRegex().Replace(m.Groups["ver"].Value, match => char.ToUpperInvariant(match.Groups[1].Value[0]) + match.Groups[2].Value);
        // The name as written: the brand's own separator ("Kimi K2", "MiniMax-M1"), a hyphen for a possessive
        // ("DeepSeek's R1" is DeepSeek-R1) or for a letter code written without one.
        var separator = m.Groups["poss"].Success ? "-" : m.Groups["sep"].Value.Length > 0 ? m.Groups["sep"].Value[..1] : char.IsLetter(version[0]) ? "-" : string.Empty;
        var name = brand + m.Groups["tier"].Value + separator + version + m.Groups["size"].Value + m.Groups["suffix"].Value;
        return _byKey.TryGetValue(Key(name), out var known) ? known.Name : name;
    }

    private ModelIdentity Identity(string name)
    {
        var key = Key(name);
        if (_byKey.TryGetValue(key, out var identity))
        {
            return identity;
        }
        identity = new ModelIdentity(name);
        var brand = _brands.Values.FirstOrDefault(b => key.StartsWith(Key(b.Brand), StringComparison.Ordinal));
        identity.DeveloperName = brand?.Developer;
        _byKey[key] = identity;
        return identity;
    }

    [GeneratedRegex(@"^([A-Za-z])-?(\d.*)$")]
    private static partial Regex LetterCodeRegex();
}
