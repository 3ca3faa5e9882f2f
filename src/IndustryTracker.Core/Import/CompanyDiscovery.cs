using System.Text.RegularExpressions;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>A company name the article introduces by its structure, with what the structure says about it.</summary>
public sealed record DiscoveredCompany(string Name, CompanyCategory Category, string? City, string Rule)
{
    /// <summary>The parent the article names ("Alibaba's chip unit T-Head" → Alibaba), if any.</summary>
    public string? Parent { get; init; }
}

/// <summary>
/// Finds companies the reference list does not know, from the way the text introduces them:
/// <list type="bullet">
/// <item>investors: "led by A and B", "backed by A", "with participation from A, B and C";</item>
/// <item>an appositive with a company noun: "X, a Beijing-based startup", "Y, a technology research firm",
/// "Z, an AI vendor that…" (the noun gives the category, "Beijing-based" the city);</item>
/// <item>"Y-backed Z": Z is a company (and Y its investor, not its parent);</item>
/// <item>a capitalised name ending in a company word: Capital, Ventures, Partners, Technologies, Semiconductor,
/// Robotics, Labs, "Cloud Data".</item>
/// </list>
/// A candidate is a run of 1–5 capitalised words (digits and "." allowed: "01.AI"). Never companies: headings and
/// all-capitals lines, people (a title or "Premier"/"CEO" before them, or a first word that is a known given-name
/// pattern is not used — instead people are excluded because none of the rules above fires for them), places and
/// nationalities on their own, publications, months, and words in <see cref="StopWords"/>.
/// </summary>
public static partial class CompanyDiscovery
{
    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "This", "That", "These", "Its", "Their", "His", "Her", "And", "Or", "Of", "In", "On", "At", "By", "For",
        "Chinese", "American", "US", "U.S.", "China", "United", "States", "Western", "Global", "National", "Government",
        "State", "Federal", "Open-Source", "Open", "Source", "Generative", "Artificial", "Premier", "President", "CEO",
        "Minister", "Ministry", "Senator", "Sen.", "Professor", "Analyst", "Founder", "Chairman", "Mr", "Ms", "Dr",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Guangzhou", "Washington", "Taiwan", "Japan", "Italy", "Australia",
        "Europe", "Asia", "Africa", "Silicon", "Valley", "Big", "Tech", "AI", "LLM", "LLMs",
    };

    private static readonly HashSet<string> DiscourseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "However", "Meanwhile", "Instead", "Still", "Indeed", "Moreover", "Furthermore", "Also", "Then", "Now", "Today",
        "Yesterday", "Elsewhere", "Overall", "Likewise", "Similarly", "Nevertheless", "Nonetheless", "Besides", "Thus",
    };

    private static readonly HashSet<string> LeadingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "This", "That", "These", "Its", "Their", "Chinese", "American", "U.S.", "US", "Japanese", "Global",
        "Leading", "Major", "Startup", "Start-up", "Investor", "Investors", "Firm", "Fund", "And", "By",
    };

    private const string Word = @"(?:[A-Z][\w'\u2019&.-]*[\w]|[A-Z]|\d+[\w.]*[A-Za-z])";
    private const string Name = "(?:" + Word + @")(?:\s+(?:" + Word + "))" + "{0,4}";

    public static List<DiscoveredCompany> Find(ParsedArticle article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var found = new List<DiscoveredCompany>();
        foreach (var paragraph in article.Paragraphs)
        {
            // Sentence by sentence: a pattern only runs on the sentences that contain its words.
            foreach (var (start, end) in Sentences.Spans(paragraph.Text))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Scan(paragraph.Text[start..end], found);
            }
        }
        // News outlets ("Chinese technology outlet LatePost reported") are sources, not companies.
        var publishers = Reference.ReferenceData.Default.Publishers;
        return found
            .Where(d => !publishers.IsOutlet(d.Name))
            .GroupBy(d => CompanyNames.Key(d.Name))
            .Select(g => g.First() with { Parent = g.Select(d => d.Parent).FirstOrDefault(p => p is not null) })
            .ToList();
    }

    /// <summary>
    /// Investors the sentence names by its structure, with whether they lead: "led by A and B", "backed by",
    /// "with participation from", "backers/investors including A and B", "with A and B among its investors",
    /// "A was among the other buyers", "with A as the largest subscriber", "received … from A", "A put up $N to
    /// lead the round", "A led the round", "with existing backers A and B also taking part".
    /// </summary>
    public static IEnumerable<(string Name, bool IsLead)> Investors(string sentence)
    {
        foreach (var (regex, lead) in InvestorPatterns)
        {
            for (var m = regex.Match(sentence); m.Success; m = m.NextMatch())
            {
                var isLead = lead ?? m.Groups["verb"].Value.StartsWith("led", StringComparison.OrdinalIgnoreCase);
                foreach (var name in SplitList(m.Groups["list"].Value))
                {
                    yield return (name, isLead);
                }
            }
        }
    }

    // Each pattern with the words every match of it contains (see GatedRegex).
    private static readonly (GatedRegex Regex, bool? Lead)[] InvestorPatterns =
    [
        (new(InvestorListRegex(), "led by", "backed by", "participation from", "joined by"), null),
        (new(BackersIncludingRegex(), "backers", "investors", "shareholders", "subscribers"), false),
        (new(AmongInvestorsRegex(), "investors", "backers", "shareholders", "subscribers"), false),
        (new(WasAmongRegex(), "buyers", "investors", "backers", "subscribers", "participants"), false),
        (new(AsSubscriberRegex(), "subscriber", "investor", "backer", "buyer", "shareholder"), false),
        (new(ReceivedFromRegex(), "from"), false),
        (new(ToLeadRegex(), "to lead"), true),
        (new(LedTheRoundRegex(), "led"), true),
        (new(AlsoTakingPartRegex(), "taking part", "participating", "joining", "investing"), false),
    ];

    private static readonly GatedRegex PossessiveUnit = new(PossessiveUnitRegex(), "unit", "arm", "subsidiary", "lab", "division", "affiliate");
    private static readonly GatedRegex WhoseUnit = new(WhoseUnitRegex(), "whose");
    private static readonly GatedRegex Alias = new(AliasRegex(), "named", "formally", "formerly", "known", "whose", "under the");
    private static readonly GatedRegex Abbreviation = new(AbbreviationRegex(), "(");
    private static readonly GatedRegex Appositive = new(AppositiveRegex(), "startup", "start-up", "company", "firm", "chipmaker", "designer", "developer", "provider", "vendor", "operator", "fund");
    private static readonly GatedRegex Backed = new(BackedRegex(), "-backed");
    private static readonly GatedRegex Suffix = new(SuffixRegex(), "Capital", "Ventures", "Partners", "Technologies", "Semiconductor", "Robotics", "Labs", "Data", "Fund", "Group", "Holdings");

    /// <summary>
    /// Parent and unit pairs the text states: "Alibaba's chip unit T-Head", "High-Flyer's AI lab, DeepSeek",
    /// "ByteDance, whose cloud unit, Volcano Engine".
    /// </summary>
    public static IEnumerable<(string Unit, string Parent)> Units(string text)
    {
        for (var m = PossessiveUnit.Match(text); m.Success; m = m.NextMatch())
        {
            yield return (Clean(m.Groups["name"].Value), Clean(m.Groups["parent"].Value));
        }
        for (var m = WhoseUnit.Match(text); m.Success; m = m.NextMatch())
        {
            yield return (Clean(m.Groups["name"].Value), Clean(m.Groups["parent"].Value));
        }
    }

    /// <summary>
    /// Other names the text gives a company, with where the phrase starts (the company is the one named just
    /// before it): "legally named X", "formally X", "known in Chinese as X", "whose legal name is X", "under the X
    /// brand", and an abbreviation of the name's initials in brackets ("Abu Dhabi Investment Authority (ADIA)").
    /// </summary>
    public static IEnumerable<(string? Owner, string Alias, int Index)> Aliases(string text)
    {
        for (var m = Alias.Match(text); m.Success; m = m.NextMatch())
        {
            yield return (null, Clean(m.Groups["alias"].Value), m.Index);
        }
        for (var m = Abbreviation.Match(text); m.Success; m = m.NextMatch())
        {
            var name = Clean(m.Groups["name"].Value);
            var initials = string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]));
            var abbreviation = m.Groups["abbr"].Value;
            if (initials.EndsWith(abbreviation, StringComparison.Ordinal) && abbreviation.Length >= 2)
            {
                // The name is the last words whose initials spell the abbreviation.
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                yield return (string.Join(' ', words[^abbreviation.Length..]), abbreviation, m.Index);
            }
        }
    }

    private static string Clean(string name)
    {
        var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && LeadingWords.Contains(words[0]))
        {
            words.RemoveAt(0);
        }
        return string.Join(' ', words).TrimEnd('.', ',');
    }

    internal static void Scan(string text, List<DiscoveredCompany> found)
    {
        foreach (var (name, _) in Investors(text))
        {
            Add(found, name, CompanyCategory.Investor, null, "investor list");
        }
        for (var m = Appositive.Match(text); m.Success; m = m.NextMatch())
        {
            var noun = m.Groups["noun"].Value.ToLowerInvariant();
            var category = CategoryOf(noun, m.Groups["mods"].Value);
            var city = m.Groups["city"].Success ? m.Groups["city"].Value : null;
            Add(found, m.Groups["name"].Value, category, city, "appositive");
        }
        for (var m = Backed.Match(text); m.Success; m = m.NextMatch())
        {
            Add(found, m.Groups["name"].Value, CompanyCategory.Other, null, "backed");
        }
        foreach (var (unit, parent) in Units(text))
        {
            Add(found, unit, CompanyCategory.Other, null, "unit", parent);
            Add(found, parent, CompanyCategory.Other, null, "unit parent");
        }
        for (var m = Suffix.Match(text); m.Success; m = m.NextMatch())
        {
            var name = m.Groups["name"].Value;
            var category = name.EndsWith("Capital", StringComparison.Ordinal) || name.EndsWith("Ventures", StringComparison.Ordinal) || name.EndsWith("Partners", StringComparison.Ordinal) || name.EndsWith("Fund", StringComparison.Ordinal)
                ? CompanyCategory.Investor
                : name.EndsWith("Cloud Data", StringComparison.Ordinal) ? CompanyCategory.CloudMaas
                : name.EndsWith("Semiconductor", StringComparison.Ordinal) ? CompanyCategory.Chipmaker
                : CompanyCategory.Other;
            Add(found, name, category, null, "suffix");
        }
    }

    private static IEnumerable<string> SplitList(string list) =>
        ListSplitRegex().Split(ParentheticalRegex().Replace(list, string.Empty)).Select(Clean).Where(s => s.Length > 0);

    private static void Add(List<DiscoveredCompany> found, string raw, CompanyCategory category, string? city, string rule, string? parent = null)
    {
        raw = ParentheticalRegex().Replace(raw, string.Empty);
        var name = raw.Trim().TrimEnd('.', ',');
        if (name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("\u2019s", StringComparison.Ordinal))
        {
            name = name[..^2];
        }
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5 || name.Length > 60)
        {
            return;
        }
        // Leading determiners and adjectives ("The", "Chinese") are not part of the name.
        var start = 0;
        while (start < words.Length - 1 && LeadingWords.Contains(words[start]))
        {
            start++;
        }
        words = words[start..];
        if (words.All(StopWords.Contains) || words.Any(w => !(char.IsUpper(w[0]) || char.IsDigit(w[0]))))
        {
            return;
        }
        // "Separately, a national fund…", "Meanwhile, a startup…": a sentence adverb, not a name.
        if (words.Length == 1 && (words[0].EndsWith("ly", StringComparison.Ordinal) || DiscourseWords.Contains(words[0])))
        {
            return;
        }
        if (words.Length > 1 && string.Concat(words).All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return; // an all-capitals heading
        }
        found.Add(new DiscoveredCompany(string.Join(' ', words), category, city, rule) { Parent = parent });
    }

    private static CompanyCategory CategoryOf(string noun, string modifiers)
    {
        var all = (modifiers + " " + noun).ToLowerInvariant();
        return all switch
        {
            _ when all.Contains("chip", StringComparison.Ordinal) => CompanyCategory.Chipmaker,
            _ when all.Contains("cloud", StringComparison.Ordinal) => CompanyCategory.CloudMaas,
            _ when all.Contains("investment", StringComparison.Ordinal) || all.Contains("venture", StringComparison.Ordinal) || noun is "fund" or "investor" => CompanyCategory.Investor,
            _ when all.Contains("research", StringComparison.Ordinal) || all.Contains("advisory", StringComparison.Ordinal) || all.Contains("analyst", StringComparison.Ordinal) => CompanyCategory.Research,
            _ when all.Contains("telecom", StringComparison.Ordinal) => CompanyCategory.Telecom,
            _ when all.Contains("hardware", StringComparison.Ordinal) => CompanyCategory.HardwareMaker,
            _ when all.Contains("infrastructure", StringComparison.Ordinal) => CompanyCategory.Infrastructure,
            _ when all.Contains(" ai ", StringComparison.Ordinal) || all.StartsWith("ai ", StringComparison.Ordinal) || noun is "developer" => CompanyCategory.ModelDeveloper,
            _ => CompanyCategory.Other,
        };
    }

    [GeneratedRegex(@"\b(?<verb>led by|co-led by|backed by|with participation from|joined by)\s+(?<list>" + Name + @"(?:(?:,\s+|,?\s+and\s+)" + Name + "){0,5})")]
    private static partial Regex InvestorListRegex();

    private const string List = "(?<list>" + Name + @"(?:\s+\([A-Z]{2,6}\))?(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?" + Name + @"(?:\s+\([A-Z]{2,6}\))?){0,5})";

    private const string Adjectives = @"(?:(?:the|state-backed|state-owned|existing|other|fellow|new|returning|strategic)\s+)*";

    [GeneratedRegex(@"\b(?:backers|investors|shareholders|subscribers)(?:,)?\s+(?:including|included|include|such as|among them)\s+" + Adjectives + List)]
    private static partial Regex BackersIncludingRegex();

    [GeneratedRegex(@"\bwith\s+" + Adjectives + List + @"\s+(?:among|as)\s+(?:its|the|their)\s+(?:[\w-]+\s+)?(?:investors|backers|shareholders|subscribers)\b")]
    private static partial Regex AmongInvestorsRegex();

    [GeneratedRegex(List + @"\s+(?:was|were)\s+(?:among|one of)\s+the\s+(?:other\s+)?(?:[\w-]+\s+)?(?:buyers|investors|backers|subscribers|participants)\b")]
    private static partial Regex WasAmongRegex();

    [GeneratedRegex(@"\bwith\s+" + Adjectives + List + @"\s+as\s+(?:the|its|a)\s+(?:largest|biggest|main|anchor|key|major)\s+(?:subscriber|investor|backer|buyer|shareholder)\b")]
    private static partial Regex AsSubscriberRegex();

    [GeneratedRegex(@"\b(?:received|raised|secured|obtained|got|yuan|dollars|million|billion|euros)\s+(?:[^.;]{0,40}?\s+)?from\s+" + Adjectives + List)]
    private static partial Regex ReceivedFromRegex();

    [GeneratedRegex(List + @"\s+(?:put up|invested|contributed|committed|provided|pledged|chipped in)\b[^.;]{0,40}?\bto lead\b")]
    private static partial Regex ToLeadRegex();

    [GeneratedRegex(List + @"\s+(?:led|co-led)\s+(?:the|a|its|this)\s+(?:[\w-]+\s+){0,3}?(?:round|financing|funding|investment|placement)\b")]
    private static partial Regex LedTheRoundRegex();

    [GeneratedRegex(@"\bwith\s+" + Adjectives + @"(?:backers|investors|shareholders)\s+" + List + @"\s+(?:also\s+)?(?:taking part|participating|joining|investing)\b")]
    private static partial Regex AlsoTakingPartRegex();

    [GeneratedRegex(@"(?<![\w-])(?<parent>" + Name + @")['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?:unit|arm|subsidiary|lab|laboratory|division|affiliate)\s*,?\s+(?<name>" + Name + ")")]
    private static partial Regex PossessiveUnitRegex();

    [GeneratedRegex(@"(?<![\w-])(?<parent>" + Name + @"),\s+whose\s+(?:[\w-]+\s+){0,2}?(?:unit|arm|subsidiary|lab|division|affiliate)\s*,?\s+(?<name>" + Name + ")")]
    private static partial Regex WhoseUnitRegex();

    [GeneratedRegex(@"\b(?:legally named|formally(?: named| called)?|formerly(?: known as)?|known (?:in Chinese |in China |outside China |abroad |internationally |locally )?as|whose legal name is|under the)\s+(?<alias>" + Name + @"(?:\s+\([A-Z][a-z]+\))?)(?=\s+brand\b|[\s,.;)]|$)")]
    private static partial Regex AliasRegex();

    [GeneratedRegex(@"(?<name>" + Name + @")\s+\((?<abbr>[A-Z]{2,6})\)")]
    private static partial Regex AbbreviationRegex();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex ParentheticalRegex();

    [GeneratedRegex(@",?\s+and\s+(?:the\s+)?|,\s+(?:the\s+)?")]
    private static partial Regex ListSplitRegex();

    [GeneratedRegex(@"(?<![\w-])(?<name>" + Name + @"),\s+an?\s+(?:(?<city>[A-Z][a-z]+)-based\s+)?(?<mods>(?:[\w-]+\s+){0,3}?)(?<noun>startup|start-up|company|firm|chipmaker|chip designer|developer|provider|vendor|operator|venture capital firm|investment firm|fund)\b")]
    private static partial Regex AppositiveRegex();

    [GeneratedRegex(@"\b(?<backer>" + Word + @")-backed\s+(?<name>" + Name + ")")]
    private static partial Regex BackedRegex();

    [GeneratedRegex(@"(?<![\w-])(?<name>(?:" + Word + @"\s+){1,4}(?:Capital|Ventures|Partners|Technologies|Semiconductor|Robotics|Labs|Cloud Data|Fund|Group|Holdings))\b")]
    private static partial Regex SuffixRegex();
}
