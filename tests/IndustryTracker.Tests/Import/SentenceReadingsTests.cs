using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Text;

namespace IndustryTracker.Tests.Import;

/// <summary>The per-paragraph sentence readings the extractors share and the importer reads ahead while it waits for the database.</summary>
public sealed class SentenceReadingsTests
{
    private static IReadOnlyList<ParsedParagraph> Paragraphs()
    {
        var parsed = ArticleParser.Parse(LongArticleTests.Article(oneLine: false), TestContext.Current.CancellationToken);
        Assert.Null(parsed.Error);
        return parsed.Article!.Paragraphs;
    }

    [Fact]
    public void Reading_ahead_reads_every_sentence_of_every_paragraph_with_the_same_answers_as_the_finders()
    {
        var paragraphs = Paragraphs();

        SentenceReadings.ReadAhead(paragraphs, CancellationToken.None);

        Assert.True(paragraphs.Count > 100);
        foreach (var paragraph in paragraphs)
        {
            var readings = SentenceReadings.Of(paragraph);
            Assert.Equal(Sentences.Spans(paragraph.Text), readings.Spans);
            Assert.Equal(readings.Spans.Count, readings.SentencesRead);
            foreach (var (start, end) in readings.Spans)
            {
                var sentence = paragraph.Text[start..end];
                Assert.Equal(ProseDates.Find(sentence), readings.DatesAt(start, sentence));
                Assert.Equal(MoneyGrammar.Find(sentence), readings.AmountsAt(start, sentence));
            }
        }
    }

    [Fact]
    public void Reading_ahead_stops_when_told_and_leaves_the_rest_to_whoever_asks()
    {
        var paragraphs = Paragraphs();
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        SentenceReadings.ReadAhead(paragraphs, stop.Token);

        Assert.All(paragraphs, p => Assert.Equal(0, SentenceReadings.Of(p).SentencesRead));
        var first = SentenceReadings.Of(paragraphs[0]);
        var (start, end) = first.Spans[0];
        Assert.Equal(ProseDates.Find(paragraphs[0].Text[start..end]), first.DatesAt(start, paragraphs[0].Text[start..end]));
        Assert.Equal(1, first.SentencesRead);
    }

    [Fact]
    public void A_paragraph_keeps_one_set_of_readings()
    {
        var paragraph = Paragraphs()[0];

        Assert.Same(SentenceReadings.Of(paragraph), SentenceReadings.Of(paragraph));
        Assert.NotSame(SentenceReadings.Of(paragraph), SentenceReadings.Of(paragraph with { }));
    }
}
