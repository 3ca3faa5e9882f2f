using System.Text;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// The file name an uploaded or pasted article is stored under: the given name without folders and with only
/// letters, digits, '.', '-' and '_' (other runs become '-'), ending in .txt or .md; when no name is given, the slug of
/// the title (the first non-blank line) plus ".txt"; "article.txt" when neither yields anything.
/// </summary>
public static class UploadNames
{
    public const int MaxLength = 120;

    public static string FileNameFor(string? given, string? title, byte[]? content)
    {
        var name = Sanitize(given);
        if (name.Length > 0)
        {
            return name;
        }
        title ??= FirstLine(content);
        var slug = Slugs.From(title ?? string.Empty);
        if (slug.Length > MaxLength - 4)
        {
            slug = slug[..(MaxLength - 4)].TrimEnd('-');
        }
        return slug.Length == 0 ? "article.txt" : slug + ".txt";
    }

    private static string Sanitize(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return string.Empty;
        }
        var file = given.Trim().Replace('\\', '/');
        file = file[(file.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(file.Length);
        foreach (var c in file)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
            if (ok)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var name = builder.ToString().Replace("-.", ".", StringComparison.Ordinal).Trim('.', '-');
        if (name.Length == 0)
        {
            return string.Empty;
        }
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".txt" or ".md"))
        {
            name += ".txt";
            extension = ".txt";
        }
        if (name.Length > MaxLength)
        {
            name = name[..(MaxLength - extension.Length)].TrimEnd('.', '-') + extension;
        }
        return name;
    }

    private static string? FirstLine(byte[]? content)
    {
        if (content is null || content.Length == 0)
        {
            return null;
        }
        var text = ArticleDecoder.Decode(content, int.MaxValue).Text;
        return text?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
    }
}
