namespace IndustryTracker.Core.Sources;

/// <summary>An imported news article: its metadata, cleaned text and numbered paragraphs.</summary>
public sealed class Article
{
    private readonly List<ArticleParagraph> _paragraphs = [];

    private Article()
    {
        FileName = string.Empty;
        Title = string.Empty;
        Sha256 = string.Empty;
        CleanText = string.Empty;
    }

    public Article(string fileName, string title, string sha256, string cleanText, DateTimeOffset importedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("SHA-256 must be 64 lowercase hex digits.", nameof(sha256));
        }
        FileName = fileName;
        Title = title.Trim();
        Sha256 = sha256;
        CleanText = cleanText ?? string.Empty;
        ImportedAt = importedAt;
    }

    public int Id { get; private set; }
    public string FileName { get; private set; }
    public string Title { get; set; }
    public string? Publisher { get; set; }
    public string? Author { get; set; }
    public string? Url { get; set; }
    public DateOnly? PublishedOn { get; set; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes; the same content is never imported twice.</summary>
    public string Sha256 { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }
    public string CleanText { get; private set; }
    public IReadOnlyList<ArticleParagraph> Paragraphs => _paragraphs;

    /// <summary>
    /// New content for the same file (a re-import of an edited article): the caller deletes the old paragraphs and
    /// adds the new ones; the article keeps its id, so links to it stay valid.
    /// </summary>
    public void ReplaceContent(string title, string sha256, string cleanText, DateTimeOffset importedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("SHA-256 must be 64 lowercase hex digits.", nameof(sha256));
        }
        Title = title.Trim();
        Sha256 = sha256;
        CleanText = cleanText ?? string.Empty;
        ImportedAt = importedAt;
    }

    public ArticleParagraph AddParagraph(int number, string text)
    {
        var paragraph = new ArticleParagraph(number, text);
        _paragraphs.Add(paragraph);
        return paragraph;
    }
}

/// <summary>A paragraph of an article, numbered as the article numbers it ("[para. 3]") or in order.</summary>
public sealed class ArticleParagraph
{
    private ArticleParagraph()
    {
        Text = string.Empty;
    }

    public ArticleParagraph(int number, string text)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        Number = number;
        Text = text ?? string.Empty;
    }

    public int ArticleId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; }
}
