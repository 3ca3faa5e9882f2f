using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Contracts;

namespace IndustryTracker.Core.Queries;

public enum CompanySort
{
    Name,
    Category,
    Country,
    Parent,
}

/// <summary>Which companies to list: <see cref="Q"/> searches names and aliases; a null page size lists them all.</summary>
public sealed record CompanyListQuery
{
    public const int MaxPageSize = 500;

    public string? Q { get; init; }
    public CompanyCategory? Category { get; init; }
    public CompanySort Sort { get; init; } = CompanySort.Name;
    public bool Descending { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Companies per page, at most <see cref="MaxPageSize"/>; null for every match on one page.</summary>
    public int? PageSize { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Paging.Errors(Page, PageSize, MaxPageSize));
        return errors;
    }
}

/// <summary>A company named by another: its name and its URL slug.</summary>
public sealed record CompanyLink(string Name, string Slug);

/// <summary>A quote from an article: the file, its title, the paragraph number and the words.</summary>
public sealed record QuoteDto(string Article, string ArticleTitle, int Paragraph, string Quote);

/// <summary>A model the company develops, with the quotes that support it.</summary>
public sealed record CompanyModel(ModelDto Model, IReadOnlyList<QuoteDto> Sources);

/// <summary>Everything known about one company, each fact with the article quotes behind it.</summary>
public sealed record CompanyProfile(
    CompanyDto Company,
    string? HeadquartersCity,
    DateDto? Founded,
    CompanyLink? Parent,
    IReadOnlyList<CompanyLink> Subsidiaries,
    IReadOnlyList<CompanyModel> Models,
    IReadOnlyList<InvestmentDto> Investments,
    IReadOnlyList<EventDto> Events,
    IReadOnlyList<QuoteDto> Sources,
    IReadOnlyDictionary<string, string> ArticleTitles,
    IReadOnlyList<CompanyRelation> Relations);

/// <summary>Headline counts for the home page.</summary>
public sealed record Overview(int Companies, int Models, int Events, int Investments, int Articles);
