namespace IndustryTracker.Core.Import;

/// <summary>
/// The part of reading an article that needs no database, started on another core while the importer reads the
/// database (and, in a fresh process, while EF Core builds its model, about a third of a second): first the names the
/// article introduces by its own structure (<see cref="CompanyDiscovery"/>), then the dates and amounts of its sentences
/// (<see cref="SentenceReadings.ReadAhead"/>) until the importer asks for the names. Disposing abandons what is left,
/// as for an article already imported.
/// </summary>
internal sealed class ArticleReadAhead : IAsyncDisposable
{
    private readonly CancellationTokenSource _abandon;
    private readonly CancellationTokenSource _namesWanted = new();
    private readonly Task<List<DiscoveredCompany>> _names;

    private ArticleReadAhead(ParsedArticle article, CancellationToken cancellationToken)
    {
        _abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var abandon = _abandon.Token;
        var namesWanted = _namesWanted.Token;
        _names = Task.Run(() =>
        {
            var names = CompanyDiscovery.Find(article, abandon);
            SentenceReadings.ReadAhead(article.Paragraphs, namesWanted);
            return names;
        }, abandon);
    }

    public static ArticleReadAhead Start(ParsedArticle article, CancellationToken cancellationToken) => new(article, cancellationToken);

    /// <summary>The names the article introduces; stops reading sentences ahead (the extractors read the rest).</summary>
    public async Task<IReadOnlyList<DiscoveredCompany>> NamesAsync()
    {
        await _namesWanted.CancelAsync();
        return await _names;
    }

    public async ValueTask DisposeAsync()
    {
        await _namesWanted.CancelAsync();
        await _abandon.CancelAsync();
        try
        {
            await _names;
        }
        catch (OperationCanceledException)
        {
            // Abandoned: an article already imported, or a cancelled import (reported by the importer).
        }
        _abandon.Dispose();
        _namesWanted.Dispose();
    }
}
