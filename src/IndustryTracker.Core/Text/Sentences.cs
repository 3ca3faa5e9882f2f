namespace IndustryTracker.Core.Text;

/// <summary>Splits prose into sentences without breaking at "U.S.", "Corp.", "Feb." or initials.</summary>
public static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "prof", "gen", "lt", "col", "jr", "sr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "corp", "inc", "co", "ltd", "no", "vs", "etc", "approx", "est", "dept", "univ",
    };

    public static IReadOnlyList<string> Split(string text) =>
        Spans(text).Select(span => text[span.Start..span.End]).ToList();

    /// <summary>
    /// Where each sentence of <paramref name="text"/> starts and ends (trimmed), in one pass over the text: the cost
    /// is proportional to its length.
    /// </summary>
    public static IReadOnlyList<(int Start, int End)> Spans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int End)>();
        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }
            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }
            if (to > from)
            {
                spans.Add((from, to));
            }
        }
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsBoundary(text, i, out var end))
            {
                continue;
            }
            Add(start, end);
            start = end;
            i = end - 1;
        }
        Add(start, text.Length);
        return spans;
    }

    /// <summary>The sentence of <paramref name="text"/> that contains the character at <paramref name="index"/>.</summary>
    public static string Containing(string text, int index) => Containing(text, Spans(text), index);

    /// <summary>The sentence containing <paramref name="index"/>, given the text's <see cref="Spans"/> (a binary search).</summary>
    public static string Containing(string text, IReadOnlyList<(int Start, int End)> spans, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        int low = 0, high = spans.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (spans[mid].Start <= index)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        if (found < 0)
        {
            return spans.Count > 0 ? text[spans[0].Start..spans[0].End] : text.Trim();
        }
        return text[spans[found].Start..spans[found].End];
    }

    private static bool IsBoundary(string text, int i, out int end)
    {
        end = i + 1;
        var ch = text[i];
        if (ch is not ('.' or '!' or '?'))
        {
            return false;
        }
        while (end < text.Length && text[end] is '"' or '\'' or '\u201d' or '\u2019' or ')')
        {
            end++;
        }
        if (end >= text.Length || !char.IsWhiteSpace(text[end]))
        {
            return false;
        }
        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }
        if (next >= text.Length || !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '\u201c' or '\''))
        {
            return false;
        }
        return ch != '.' || !IsAbbreviation(text, i);
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '\u201c'))
        {
            wordStart--;
        }
        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return true;
        }
        if (word.Contains('.', StringComparison.Ordinal) && word.Replace(".", string.Empty, StringComparison.Ordinal).Length <= 3)
        {
            return true;
        }
        return Abbreviations.Contains(word);
    }
}
