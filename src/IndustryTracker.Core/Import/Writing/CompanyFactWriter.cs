using IndustryTracker.Core.Review;
using IndustryTracker.Core.Sources;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// Companies: matched to existing rows by the directory (name and alias keys), otherwise created with reference data;
/// reference parents linked where both companies are now known; a missing summary filled from a profile; one mention
/// per quote. Existing companies keep their name, category and summary.
/// </summary>
internal static class CompanyFactWriter
{
    /// <summary>Tracks the article's companies; they are saved with the other facts, in the write's one save.</summary>
    public static int Write(WriteSession session, IReadOnlyList<CompanyFact> facts, CompanyDirectory directory)
    {
        foreach (var fact in facts)
        {
            var company = session.CompanyFor(fact.Company);
            if (company.Summary is null && fact.Summary is not null)
            {
                company.Summary = WriteSession.Text.Truncate(fact.Summary, FactLimits.Summary);
            }
        }
        LinkParents(directory, session);

        foreach (var fact in facts)
        {
            var company = session.CompanyFor(fact.Company);
            foreach (var source in fact.Sources)
            {
                session.Quote(source, (article, paragraph, quote) => Mention.Of(company, article, paragraph, quote));
            }
        }
        return facts.Count;
    }

    /// <summary>
    /// Sets reference parents where both companies are now known: a company of this article whose parent exists, and
    /// an existing company whose parent is created by this article. Existing parents are never changed.
    /// </summary>
    private static void LinkParents(CompanyDirectory directory, WriteSession session)
    {
        foreach (var identity in directory.All)
        {
            if (identity.Existing is not { ParentId: null, Parent: null } company || identity.Reference?.Parent is not { } parentName)
            {
                continue;
            }
            if (directory.Resolve(parentName) is { Existing: { } parent } && !ReferenceEquals(parent, company)
                && (session.Companies.ContainsKey(identity) || session.Companies.Values.Contains(parent)))
            {
                session.Track(company).SetParent(session.Track(parent));
            }
        }
    }
}
