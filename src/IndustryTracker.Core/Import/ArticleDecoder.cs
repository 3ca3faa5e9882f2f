using System.Globalization;
using System.Text;

namespace IndustryTracker.Core.Import;

/// <summary>The text of an article file, or the reason the file cannot be imported.</summary>
public sealed record DecodeResult(string? Text, string? Error);

/// <summary>
/// Checks raw bytes before anything is parsed: not empty, not larger than the limit, no NUL bytes (binary),
/// valid UTF-8 (a leading byte-order mark is dropped), not whitespace only. The number of lines is not limited:
/// the import costs time in proportion to the text's length, whatever its shape (docs/benchmarks.md).
/// </summary>
public static class ArticleDecoder
{
    public const int DefaultMaxBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodeResult Decode(byte[] content, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return new(null, "The file is empty.");
        }
        if (content.Length > maxBytes)
        {
            return new(null, TooLarge(content.Length, maxBytes));
        }
        var nul = Array.IndexOf(content, (byte)0);
        if (nul >= 0)
        {
            return new(null, $"The file is binary, not text (it contains a NUL byte at offset {nul}).");
        }
        var start = content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            return new(null, $"The file is not valid UTF-8 text (invalid byte sequence at offset {start + Math.Max(ex.Index, 0)}).");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, "The file contains only whitespace.");
        }
        return new(text, null);
    }

    public static string TooLarge(long length, int maxBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"The file is too large ({length / 1024.0 / 1024.0:0.0} MB); the limit is {maxBytes / 1024.0 / 1024.0:0.#} MB.");
}
