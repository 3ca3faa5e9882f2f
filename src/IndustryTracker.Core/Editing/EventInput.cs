using IndustryTracker.Core.Text;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Timeline;

namespace IndustryTracker.Core.Editing;

/// <summary>
/// What an editor submits for an event, exactly as the API body reads it (camelCase JSON): the date as the editor
/// writes it ("Late February 2025"), companies and models as slugs, and an optional source: a URL, or an imported
/// article with a paragraph number and a quote from that paragraph.
/// </summary>
public sealed record EventInput
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Category { get; init; }
    public string? Date { get; init; }
    public IReadOnlyList<string>? Companies { get; init; }
    public IReadOnlyList<string>? Models { get; init; }
    public string? SourceUrl { get; init; }
    public int? SourceArticleId { get; init; }
    public int? SourceParagraph { get; init; }
    public string? SourceQuote { get; init; }
}

/// <summary>An <see cref="EventInput"/> that passed the field rules (slugs not yet checked against the database).</summary>
internal sealed record ValidEventInput(
    string Title,
    string? Summary,
    EventCategory Category,
    FuzzyDate Date,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> Models,
    string? SourceUrl,
    (int ArticleId, int Paragraph, string Quote)? ArticleSource);

/// <summary>The field rules of an event, one clear message per problem, keyed by the camelCase field name.</summary>
public static class EventRules
{
    public const int MaxTitle = 300;
    public const int MaxSummary = 4000;
    public const int MaxUrl = 2000;
    public const int MaxQuote = 4000;
    public const int MaxSlugs = 50;

    /// <summary>Checks every field; returns the messages per field (empty when valid).</summary>
    public static Dictionary<string, string[]> Validate(EventInput input) => Check(input, out _);

    internal static Dictionary<string, string[]> Check(EventInput input, out ValidEventInput? valid)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var e) ? [.. e, message] : [message];

        foreach (var (field, what, text, multiline) in new[]
        {
            ("title", "The title", input.Title, false),
            ("summary", "The summary", input.Summary, true),
            ("category", "The category", input.Category, false),
            ("date", "The date", input.Date, false),
            ("sourceUrl", "The source URL", input.SourceUrl, false),
            ("sourceQuote", "The quote", input.SourceQuote, true),
        })
        {
            if (UnsafeText.Problem(text, multiline, what) is { } problem)
            {
                Add(field, problem);
            }
        }
        foreach (var (field, slugs) in new[] { ("companies", input.Companies), ("models", input.Models) })
        {
            if ((slugs ?? []).Select(slug => UnsafeText.Problem(slug, multiline: false, "A slug")).FirstOrDefault(p => p is not null) is { } problem)
            {
                Add(field, problem);
            }
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            Add("title", "A title is required.");
        }
        else if (title.Length > MaxTitle)
        {
            Add("title", $"The title is {title.Length} characters long; at most {MaxTitle} are allowed.");
        }

        var summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        if (summary is { Length: > MaxSummary })
        {
            Add("summary", $"The summary is {summary.Length} characters long; at most {MaxSummary} are allowed.");
        }

        var category = EventCategory.Other;
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            Add("category", $"A category is required: one of {CategoryNames}.");
        }
        else if (!EnumNames.TryParse(input.Category, out category) || input.Category.Trim().Length > 40)
        {
            Add("category", $"'{Shorten(input.Category)}' is not a category; use one of {CategoryNames}.");
        }

        FuzzyDate? date = null;
        var parsed = FuzzyDateParser.Parse(input.Date);
        if (parsed.Success)
        {
            date = parsed.Date;
        }
        else
        {
            Add("date", string.IsNullOrWhiteSpace(input.Date)
                ? "A date is required, written as you would in prose: \"Mid-February 2025\", \"Feb. 16, 2025\", \"2025-02\"."
                : parsed.Error);
        }

        var companies = Slugs(input.Companies);
        if (companies.Count == 0)
        {
            Add("companies", "Choose at least one company.");
        }
        else if (companies.Count > MaxSlugs)
        {
            Add("companies", $"At most {MaxSlugs} companies can be involved in one event.");
        }
        var models = Slugs(input.Models);
        if (models.Count > MaxSlugs)
        {
            Add("models", $"At most {MaxSlugs} models can be involved in one event.");
        }

        var url = string.IsNullOrWhiteSpace(input.SourceUrl) ? null : input.SourceUrl.Trim();
        if (url is not null)
        {
            if (url.Length > MaxUrl)
            {
                Add("sourceUrl", $"The source URL is {url.Length} characters long; at most {MaxUrl} are allowed.");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
            {
                Add("sourceUrl", $"'{Shorten(url)}' is not a web address; give an absolute http:// or https:// URL.");
            }
        }

        (int, int, string)? articleSource = null;
        var quote = string.IsNullOrWhiteSpace(input.SourceQuote) ? null : input.SourceQuote.Trim();
        if (input.SourceArticleId is not null || input.SourceParagraph is not null || quote is not null)
        {
            if (input.SourceArticleId is null)
            {
                Add("sourceArticleId", "Choose the article the quote comes from.");
            }
            if (input.SourceParagraph is not > 0)
            {
                Add("sourceParagraph", "Give the number of the paragraph the quote comes from (1 or more).");
            }
            if (quote is null)
            {
                Add("sourceQuote", "Give the quote from the article that supports the event.");
            }
            else if (quote.Length > MaxQuote)
            {
                Add("sourceQuote", $"The quote is {quote.Length} characters long; at most {MaxQuote} are allowed.");
            }
            if (input.SourceArticleId is { } articleId && input.SourceParagraph is > 0 and var paragraph && quote is { Length: <= MaxQuote })
            {
                articleSource = (articleId, paragraph, quote);
            }
        }

        valid = errors.Count == 0
            ? new ValidEventInput(title!, summary, category, date!, companies, models, url, articleSource)
            : null;
        return errors;
    }

    public static string CategoryNames { get; } = string.Join(", ", Enum.GetValues<EventCategory>().Select(EnumNames.Of));

    private static List<string> Slugs(IReadOnlyList<string>? slugs) =>
        [.. (slugs ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
