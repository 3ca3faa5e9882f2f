using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Import;

/// <summary>
/// What a paragraph's sentences say whatever the database knows: where each sentence starts and ends, its date
/// expressions (<see cref="ProseDates.Find"/>), its amounts of money (<see cref="MoneyGrammar.Find"/>) and the names
/// it gives as investors (<see cref="CompanyDiscovery.Investors"/>). Read once per paragraph of a parse, however many
/// extractors (and threads) ask; the finders are pure, so a sentence read twice at the same moment gives the same
/// answer. Kept beside the paragraph, for as long as the paragraph lives.
/// </summary>
internal sealed class SentenceReadings
{
    private static readonly ConditionalWeakTable<ParsedParagraph, SentenceReadings> Readings = new();

    private readonly string _text;
    private IReadOnlyList<(int Start, int End)>? _spans;
    private readonly ConcurrentDictionary<int, IReadOnlyList<ProseDateMatch>> _dates = new();
    private readonly ConcurrentDictionary<int, IReadOnlyList<MoneyAmount>> _amounts = new();
    private readonly ConcurrentDictionary<int, IReadOnlyList<(string Name, bool IsLead)>> _investors = new();

    private SentenceReadings(string text) => _text = text;

    public static SentenceReadings Of(ParsedParagraph paragraph) =>
        Readings.GetValue(paragraph, static p => new SentenceReadings(p.Text));

    /// <summary>How many of the paragraph's sentences have had their dates read so far.</summary>
    internal int SentencesRead => _dates.Count;

    /// <summary>Where the sentences of the paragraph start and end.</summary>
    public IReadOnlyList<(int Start, int End)> Spans => _spans ??= Sentences.Spans(_text);

    /// <summary>The date expressions of the sentence starting at <paramref name="start"/>.</summary>
    public IReadOnlyList<ProseDateMatch> DatesAt(int start, string sentence) =>
        _dates.GetOrAdd(start, static (_, text) => ProseDates.Find(text), sentence);

    /// <summary>The amounts of money of the sentence starting at <paramref name="start"/>.</summary>
    public IReadOnlyList<MoneyAmount> AmountsAt(int start, string sentence) =>
        _amounts.GetOrAdd(start, static (_, text) => MoneyGrammar.Find(text), sentence);

    /// <summary>The names the sentence starting at <paramref name="start"/> gives as investors.</summary>
    public IReadOnlyList<(string Name, bool IsLead)> InvestorsAt(int start, string sentence) =>
        _investors.GetOrAdd(start, static (_, text) => [.. CompanyDiscovery.Investors(text)], sentence);

    /// <summary>
    /// Reads the dates, amounts and investors of every sentence of <paramref name="paragraphs"/>, in order, until
    /// <paramref name="stop"/> is signalled: work done ahead, on a core that would otherwise wait for the database.
    /// </summary>
    public static void ReadAhead(IReadOnlyList<ParsedParagraph> paragraphs, CancellationToken stop)
    {
        foreach (var paragraph in paragraphs)
        {
            var readings = Of(paragraph);
            foreach (var (start, end) in readings.Spans)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                var sentence = paragraph.Text[start..end];
                readings.DatesAt(start, sentence);
                readings.AmountsAt(start, sentence);
                readings.InvestorsAt(start, sentence);
            }
        }
    }
}
