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

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsBoundary(text, i, out var end))
            {
                continue;
            }
            var sentence = text[start..end].Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }
            start = end;
            i = end - 1;
        }
        var rest = text[start..].Trim();
        if (rest.Length > 0)
        {
            sentences.Add(rest);
        }
        return sentences;
    }

    /// <summary>The sentence of <paramref name="text"/> that contains the character at <paramref name="index"/>.</summary>
    public static string Containing(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsBoundary(text, i, out var end))
            {
                continue;
            }
            if (index < end)
            {
                return text[start..end].Trim();
            }
            start = end;
            i = end - 1;
        }
        return text[start..].Trim();
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
