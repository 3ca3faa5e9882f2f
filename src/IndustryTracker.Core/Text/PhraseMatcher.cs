using System.Buffers;
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
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _maxWords;

    public PhraseMatcher()
    {
        _bySpan = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private sealed record Entry(T Value, bool ProperNounOnly);

    public int Count => _phrases.Count;

    /// <summary>Adds a phrase; the first value added for a phrase keeps it. Returns whether the phrase was new.</summary>
    /// <param name="properNounOnly">Match only when written with a capital letter (for names that are also ordinary words).</param>
    public bool Add(string phrase, T value, bool properNounOnly = false)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        using var folded = Fold(phrase);
        if (folded.Count == 0)
        {
            return false;
        }
        _maxWords = Math.Max(_maxWords, folded.Count);
        return _phrases.TryAdd(new string(folded.Key(0, folded.Count)), new Entry(value, properNounOnly));
    }

    public T? Lookup(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        using var folded = Fold(phrase);
        return folded.Count > 0 && _bySpan.TryGetValue(folded.Key(0, folded.Count), out var entry) ? entry.Value : null;
    }

    /// <summary>Every known phrase in <paramref name="text"/>, longest first at each word, in one pass: the text's words
    /// are folded once into one buffer (separated by single spaces), so each candidate phrase is a slice of it.</summary>
    public IReadOnlyList<PhraseMatch<T>> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var folded = Fold(text);
        var matches = new List<PhraseMatch<T>>();
        for (var i = 0; i < folded.Count;)
        {
            var match = LongestAt(text, folded, i);
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

    private (PhraseMatch<T> Match, int WordCount)? LongestAt(string text, FoldedText folded, int i)
    {
        var words = folded.Words;
        // The longest run of words from i that one name could span (a name's words are separated by a short gap).
        var longest = 1;
        while (longest < _maxWords && i + longest < words.Length
            && IsNameGap(text.AsSpan(words[i + longest - 1].End, words[i + longest].Start - words[i + longest - 1].End)))
        {
            longest++;
        }
        var start = words[i].Start;
        for (var count = longest; count >= 1; count--)
        {
            var key = folded.Key(i, count);
            var last = words[i + count - 1];
            if (TryEntry(key, text, start, out var entry))
            {
                return (new PhraseMatch<T>(entry.Value, start, last.End - start, text[start..last.End]), count);
            }
            // A possessive whose apostrophe was lost: "DeepSeeks" for "DeepSeek's".
            if (last.FoldLength > 3 && key[^1] == 's' && TryEntry(key[..^1], text, start, out entry))
            {
                return (new PhraseMatch<T>(entry.Value, start, last.End - 1 - start, text[start..(last.End - 1)]), count);
            }
        }
        return null;
    }

    private bool TryEntry(ReadOnlySpan<char> key, string text, int start, out Entry entry)
    {
        if (_bySpan.TryGetValue(key, out entry!))
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

    /// <summary>A word of the text: where it is written and where its folded form is in <see cref="FoldedText.Buffer"/>.</summary>
    private readonly record struct Word(int Start, int End, int FoldStart, int FoldLength);

    /// <summary>
    /// The folded words of a text, one after another with a single space between them. Its arrays are rented from the
    /// shared pools (each matcher folds every paragraph of a long article once): dispose it to give them back.
    /// </summary>
    private readonly struct FoldedText(char[] buffer, Word[] words, int count) : IDisposable
    {
        public int Count => count;

        public ReadOnlySpan<Word> Words => words.AsSpan(0, count);

        /// <summary>The key of <paramref name="wordCount"/> words from word <paramref name="first"/>: "word word word".</summary>
        public ReadOnlySpan<char> Key(int first, int wordCount)
        {
            var from = words[first].FoldStart;
            var last = words[first + wordCount - 1];
            return buffer.AsSpan(from, last.FoldStart + last.FoldLength - from);
        }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(buffer);
            ArrayPool<Word>.Shared.Return(words);
        }
    }

    private static FoldedText Fold(string text)
    {
        // Words are separated by at least one character: a text of n characters has at most (n + 1) / 2 of them.
        var words = ArrayPool<Word>.Shared.Rent((text.Length / 2) + 1);
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 1);
        var count = 0;
        var length = 0;
        var start = -1;
        var foldStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var folded = i < text.Length ? Fold(text[i]) : '\0';
            if (folded != '\0')
            {
                if (start < 0)
                {
                    start = i;
                    if (length > 0)
                    {
                        buffer[length++] = ' ';
                    }
                    foldStart = length;
                }
                buffer[length++] = folded;
            }
            else if (start >= 0)
            {
                words[count++] = new Word(start, i, foldStart, length - foldStart);
                start = -1;
            }
        }
        return new FoldedText(buffer, words, count);
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
