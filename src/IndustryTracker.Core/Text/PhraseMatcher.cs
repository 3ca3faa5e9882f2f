using System.Globalization;
using System.Text;

namespace IndustryTracker.Core.Text;

/// <summary>A phrase found in a text: the value it stands for and where it was written.</summary>
public sealed record PhraseMatch<T>(T Value, int Start, int Length, string Text)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds known names in text, whole words only and case-insensitively. Names are compared as word sequences (ASCII
/// letters and digits, diacritics folded), so "01.AI" matches "01.ai" and "Tencent-backed" contains "Tencent".
/// Words of one name may be separated by a space, '-', '.', '&amp;' or an apostrophe, not by a comma or a line break.
/// The last word may carry a possessive "s" whose apostrophe was lost ("DeepSeeks", "Baidus"). The longest name wins.
/// </summary>
public sealed class PhraseMatcher<T>
    where T : class
{
    private readonly Dictionary<string, Entry> _phrases = new(StringComparer.Ordinal);
    private int _maxWords;

    private sealed record Entry(T Value, bool ProperNounOnly);

    public int Count => _phrases.Count;

    /// <summary>Adds a phrase; the first value added for a phrase keeps it. Returns whether the phrase was new.</summary>
    /// <param name="properNounOnly">Match only when written with a capital letter (for names that are also ordinary words).</param>
    public bool Add(string phrase, T value, bool properNounOnly = false)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = Words(phrase).Select(w => w.Text).ToList();
        if (words.Count == 0)
        {
            return false;
        }
        _maxWords = Math.Max(_maxWords, words.Count);
        return _phrases.TryAdd(string.Join(' ', words), new Entry(value, properNounOnly));
    }

    public T? Lookup(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return _phrases.TryGetValue(string.Join(' ', Words(phrase).Select(w => w.Text)), out var entry) ? entry.Value : null;
    }

    public IReadOnlyList<PhraseMatch<T>> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        var matches = new List<PhraseMatch<T>>();
        for (var i = 0; i < words.Count;)
        {
            var match = LongestAt(text, words, i);
            if (match is null)
            {
                i++;
                continue;
            }
            matches.Add(match.Value.Match);
            i += match.Value.WordCount;
        }
        return matches;
    }

    private (PhraseMatch<T> Match, int WordCount)? LongestAt(string text, List<Word> words, int i)
    {
        var builder = new StringBuilder();
        var candidates = new List<(string Key, int Count)>();
        for (var n = 1; n <= _maxWords && i + n <= words.Count; n++)
        {
            if (n > 1)
            {
                if (!IsNameGap(text.AsSpan(words[i + n - 2].End, words[i + n - 1].Start - words[i + n - 2].End)))
                {
                    break;
                }
                builder.Append(' ');
            }
            builder.Append(words[i + n - 1].Text);
            candidates.Add((builder.ToString(), n));
        }
        for (var c = candidates.Count - 1; c >= 0; c--)
        {
            var (key, count) = candidates[c];
            var last = words[i + count - 1];
            var start = words[i].Start;
            if (TryEntry(key, text, start, out var entry))
            {
                return (new PhraseMatch<T>(entry.Value, start, last.End - start, text[start..last.End]), count);
            }
            // A possessive whose apostrophe was lost: "DeepSeeks" for "DeepSeek's".
            if (last.Text.Length > 3 && last.Text[^1] == 's' && TryEntry(key[..^1], text, start, out entry))
            {
                return (new PhraseMatch<T>(entry.Value, start, last.End - 1 - start, text[start..(last.End - 1)]), count);
            }
        }
        return null;
    }

    private bool TryEntry(string key, string text, int start, out Entry entry)
    {
        if (_phrases.TryGetValue(key, out entry!))
        {
            return !entry.ProperNounOnly || char.IsUpper(text[start]);
        }
        return false;
    }

    private static bool IsNameGap(ReadOnlySpan<char> gap)
    {
        if (gap.Length is 0 or > 2)
        {
            return false;
        }
        foreach (var ch in gap)
        {
            if (ch is not (' ' or '-' or '.' or '&' or '\'' or '\u2019'))
            {
                return false;
            }
        }
        return true;
    }

    private readonly record struct Word(string Text, int Start, int End);

    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var builder = new StringBuilder();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var folded = i < text.Length ? Fold(text[i]) : '\0';
            if (folded != '\0')
            {
                if (start < 0)
                {
                    start = i;
                }
                builder.Append(folded);
            }
            else if (start >= 0)
            {
                words.Add(new Word(builder.ToString(), start, i));
                builder.Clear();
                start = -1;
            }
        }
        return words;
    }

    /// <summary>Lower-case ASCII letter or digit for a word character (diacritics removed), '\0' for a separator.</summary>
    private static char Fold(char ch)
    {
        if (char.IsAsciiLetterOrDigit(ch))
        {
            return char.ToLowerInvariant(ch);
        }
        if (ch > 127 && char.IsLetter(ch))
        {
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 0 && char.IsAsciiLetter(decomposed[0])
                && decomposed.Skip(1).All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                return char.ToLowerInvariant(decomposed[0]);
            }
        }
        return '\0';
    }
}
