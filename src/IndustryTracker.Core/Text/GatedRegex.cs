using System.Buffers;
using System.Text.RegularExpressions;

namespace IndustryTracker.Core.Text;

/// <summary>
/// A pattern with the words every match must contain. A text without any of them is skipped by one vectorised
/// search instead of being run through the pattern, which matters for patterns that start with a name (a run of
/// capitalised words): those are tried at every capital of the text. The words are compared as the pattern compares
/// them (ignoring case only when the pattern does); each must be a literal part of every possible match.
/// </summary>
public sealed class GatedRegex
{
    private readonly SearchValues<string> _words;

    public GatedRegex(Regex regex, params string[] words)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length == 0)
        {
            throw new ArgumentException("A gated pattern needs at least one word.", nameof(words));
        }
        Regex = regex;
        var comparison = regex.Options.HasFlag(RegexOptions.IgnoreCase) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _words = SearchValues.Create(words, comparison);
    }

    public Regex Regex { get; }

    /// <summary>Whether <paramref name="text"/> contains one of the words (so the pattern may match).</summary>
    public bool MayMatch(string text) => text.AsSpan().ContainsAny(_words);

    public bool IsMatch(string text) => MayMatch(text) && Regex.IsMatch(text);

    public Match Match(string text) => MayMatch(text) ? Regex.Match(text) : System.Text.RegularExpressions.Match.Empty;

    public IEnumerable<Match> Matches(string text) => MayMatch(text) ? Regex.Matches(text) : [];
}
