using System.Globalization;
using System.Text;

namespace IndustryTracker.Core.Text;

/// <summary>URL names: lowercase ASCII letters and digits, runs of anything else collapsed to a single '-'.</summary>
public static class Slugs
{
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = RemoveDiacritics(text);
        var builder = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(char.ToLowerInvariant(ch));
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }
        return builder.ToString();
    }

    internal static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(ch);
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
