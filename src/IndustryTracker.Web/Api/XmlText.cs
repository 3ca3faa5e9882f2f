using System.Text;
using System.Xml;

namespace IndustryTracker.Web.Api;

/// <summary>
/// Makes any stored text writable as XML 1.0: characters XML cannot carry (C0 controls other than tab and line
/// breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so a feed never fails on what is in the database.
/// </summary>
public static class XmlText
{
    public const char Replacement = '\uFFFD';

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
                continue;
            }
            cleaned ??= new StringBuilder(text.Length).Append(text, 0, i);
            cleaned.Append(Replacement);
        }
        return cleaned?.ToString() ?? text;
    }
}
