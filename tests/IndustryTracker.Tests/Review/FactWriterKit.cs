using System.Security.Cryptography;
using System.Text;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Import.Reference;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Text;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Review;

/// <summary>
/// Writes an article with facts built here (not extracted), through the real <see cref="ArticleWriter"/>, so the
/// writer's rules are tested on their own: the text is parsed for its paragraphs, the facts name companies through
/// the same directory the importer uses.
/// </summary>
internal static class FactWriterKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly Provenance Medium = new("test.medium", FactConfidence.Medium);
    public static readonly Provenance Low = new("test.low", FactConfidence.Low);

    public static async Task<ImportCounts> WriteAsync(TestDatabase database, string fileName, string text, Func<Func<string, CompanyIdentity>, ArticleFacts> facts)
    {
        await using var db = database.CreateContext();
        db.Actor = "import";
        var parsed = ArticleParser.Parse(text).Article!;
        var known = await KnownEntities.LoadAsync(db, Ct);
        var directory = CompanyDirectory.Build(ReferenceData.Default, known.Companies, parsed.Profiles);
        var identities = new Dictionary<string, CompanyIdentity>(StringComparer.Ordinal);
        CompanyIdentity Company(string name) => identities.TryGetValue(name, out var found) ? found : identities[name] = directory.Resolve(name) ?? new CompanyIdentity(name);
        var articleFacts = facts(Company);
        var previous = await db.Articles.Where(a => a.FileName == fileName).OrderByDescending(a => a.Id).FirstOrDefaultAsync(Ct);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return await new ArticleWriter(db, ReferenceData.Default).WriteAsync(parsed, articleFacts, directory, fileName, sha256, database.Time.GetUtcNow(), previous, Ct);
    }

    public static ValuationFact Valuation(CompanyIdentity company, decimal amount, string currency, string asReported, int paragraph, string quote, Provenance? provenance = null, FuzzyDate? date = null) =>
        new(company, amount, currency, asReported, false, date, new SourceQuote(paragraph, quote), provenance ?? Medium);

    public static InvestmentFact Round(CompanyIdentity recipient, CompanyIdentity lead, decimal amount, int paragraph, string quote, Provenance? provenance = null) =>
        new(InvestmentKind.FundingRound, recipient, [new InvestorFact(lead, IsLead: true)],
            [new MoneyAmount(amount, "USD", $"${amount / 1_000_000m} million", false, false, 0, 10)],
            "Series C", null, null, FuzzyDate.Day(new DateOnly(2026, 1, 5)), [new SourceQuote(paragraph, quote)])
        { Provenance = provenance ?? Medium };

    public static EventFact Event(string title, FuzzyDate date, IReadOnlyList<CompanyIdentity> companies, int paragraph, string quote, Provenance? provenance = null) =>
        new(title, null, date, EventCategory.Investment, companies, [], [new SourceQuote(paragraph, quote)]) { Provenance = provenance ?? Medium };

    public static ArticleFacts Facts(
        IReadOnlyList<CompanyIdentity> companies,
        IReadOnlyList<EventFact>? events = null,
        IReadOnlyList<InvestmentFact>? investments = null,
        IReadOnlyList<ValuationFact>? valuations = null) =>
        new([.. companies.Select(c => new CompanyFact(c, null, [new SourceQuote(1, c.Name)]))], [], events ?? [])
        {
            Investments = investments ?? [],
            Valuations = valuations ?? [],
        };
}
