using System.Globalization;

namespace IndustryTracker.Core.Text;

/// <summary>
/// The one check every written text field passes: no C0 or C1 control characters (tab, line feed and carriage return
/// only where a field is multi-line), no DEL, no Unicode bidi embeddings, overrides or isolates (they reorder what a
/// reader sees), no lone surrogates and no noncharacters U+FFFE/U+FFFF (neither is valid XML or UTF-8).
/// </summary>
public static class UnsafeText
{
    /// <summary>The first forbidden character's position and code point, or null when <paramref name="text"/> is safe.</summary>
    public static (int Index, string CodePoint)? Find(string? text, bool multiline)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsForbidden(c, multiline))
            {
                return (i, "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }
        return null;
    }

    /// <summary>A field message naming the character and where it is, or null when <paramref name="text"/> is safe.</summary>
    public static string? Problem(string? text, bool multiline, string what)
    {
        if (Find(text, multiline) is not { } found)
        {
            return null;
        }
        var kind = IsBidiControl(text![found.Index]) ? "a bidirectional text control character"
            : char.IsSurrogate(text[found.Index]) ? "an unpaired surrogate"
            : text[found.Index] is '\uFFFE' or '\uFFFF' ? "a noncharacter"
            : "a control character";
        var allowed = multiline ? " (only tab and line breaks are allowed)" : string.Empty;
        return $"{what} contains {kind} ({found.CodePoint}) at position {found.Index + 1}; remove it{allowed}.";
    }

    private static bool IsForbidden(char c, bool multiline) =>
        c switch
        {
            '\t' or '\n' or '\r' => !multiline,
            < ' ' => true,
            >= '\u007F' and <= '\u009F' => true,
            '\uFFFE' or '\uFFFF' => true,
            _ => char.IsSurrogate(c) || IsBidiControl(c),
        };

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
