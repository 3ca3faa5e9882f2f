using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Review;
using IndustryTracker.Tests.Import;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Review.FactWriterKit;

namespace IndustryTracker.Tests.Review;

/// <summary>The review queue, confirming, and rejections remembered across re-imports.</summary>
public sealed class ReviewServiceTests
{
    private const string Editor = "ed@example.com";

    private const string Text = """
        Moonshot AI raises $500 million

        Moonshot AI raised $500 million in a Series C led by IDG Capital, valuing the company at $4.3 billion.

        The company released Kimi K2 Thinking on Nov. 6, 2025.
        """;

    private static readonly FuzzyDate January5 = FuzzyDate.Day(new DateOnly(2026, 1, 5));

    private static ArticleFacts MoonshotFacts(Func<string, CompanyIdentity> company)
    {
        var (moonshot, idg) = (company("Moonshot AI"), company("IDG Capital"));
        return Facts([moonshot, idg],
            events:
            [
                Event("Moonshot AI raises $500 million", January5, [moonshot], 1, "Moonshot AI raised $500 million", Low),
                Event("Moonshot AI releases Kimi K2 Thinking", FuzzyDate.Day(new DateOnly(2025, 11, 6)), [moonshot], 2, "The company released Kimi K2 Thinking on Nov. 6, 2025.", Provenance.Structured("test.high")),
            ],
            investments: [Round(moonshot, idg, 500_000_000m, 1, "Moonshot AI raised $500 million in a Series C led by IDG Capital")],
            valuations: [Valuation(moonshot, 4_300_000_000m, "USD", "$4.3 billion", 1, "valuing the company at $4.3 billion", date: January5)]);
    }

    private static ReviewService Service(TestDatabase database) => new(database.Factory, database.Time);

    [Fact]
    public async Task The_queue_holds_the_facts_below_high_confidence_with_their_quote_in_its_paragraph()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "moonshot.txt", Text, MoonshotFacts);

        var queue = await Service(database).ListAsync(cancellationToken: Ct);

        Assert.Equal(3, queue.Total);
        Assert.Equal(["event", "investment", "valuation"], queue.Items.Select(i => i.Kind).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(queue.Items, i => i.Label.Contains("Kimi", StringComparison.Ordinal));
        var valuation = Assert.Single(queue.Items, i => i.Kind == "valuation");
        Assert.Equal("Moonshot AI valued at $4.3 billion", valuation.Label);
        Assert.Equal("medium", valuation.Confidence);
        Assert.Equal("test.medium", valuation.Rule);
        Assert.Equal("valuing the company at $4.3 billion", valuation.Quote);
        Assert.Contains(valuation.Quote, valuation.ParagraphText, StringComparison.Ordinal);
        Assert.Equal("moonshot.txt", valuation.Article);
        var moonshotEvent = Assert.Single(queue.Items, i => i.Kind == "event");
        Assert.Equal($"events/{moonshotEvent.RecordId}/edit", moonshotEvent.EditHref);
    }

    [Fact]
    public async Task A_page_of_the_queue_reads_the_paragraphs_of_its_own_quotes_only()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "moonshot.txt", Text, MoonshotFacts);
        var recorder = new Scale.SqlCommandRecorder();
        var service = new ReviewService(recorder.FactoryFor(database), database.Time);
        var whole = await service.ListAsync(cancellationToken: Ct);

        for (var page = 1; page <= whole.Total; page++)
        {
            recorder.Clear();
            var one = await service.ListAsync(page, 1, Ct);

            var item = Assert.Single(one.Items);
            Assert.Equal(whole.Items[page - 1], item); // same order, same quote and paragraph as the whole queue
            Assert.Contains(item.Quote, item.ParagraphText, StringComparison.Ordinal);
            // The queue is sorted by its quotes alone; one command reads paragraphs, for this page's quote.
            var paragraphs = Assert.Single(recorder.Commands, c => c.Sql.Contains("\"ArticleParagraphs\"", StringComparison.Ordinal));
            Assert.DoesNotContain("\"Mentions\"", paragraphs.Sql, StringComparison.Ordinal);
            Assert.InRange(paragraphs.Parameters.Count, 1, 2); // one article, one paragraph number
        }
    }

    [Fact]
    public async Task The_queue_shows_the_newest_import_first_then_by_paragraph_and_kind_and_its_pages_follow_that_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "moonshot.txt", Text, MoonshotFacts);
        database.Time.Advance(TimeSpan.FromHours(1));
        await WriteAsync(database, "zhipu.txt", """
            Zhipu AI opens a lab

            Zhipu AI opened a research lab in Beijing on Feb. 2, 2026.

            Zhipu AI hired 200 engineers in March 2026.
            """, company => Facts([company("Zhipu AI")], events:
            [
                Event("Zhipu AI hires 200 engineers", FuzzyDate.Day(new DateOnly(2026, 3, 1)), [company("Zhipu AI")], 2, "Zhipu AI hired 200 engineers in March 2026."),
                Event("Zhipu AI opens a research lab", FuzzyDate.Day(new DateOnly(2026, 2, 2)), [company("Zhipu AI")], 1, "Zhipu AI opened a research lab in Beijing"),
            ]));
        database.Time.Advance(TimeSpan.FromHours(1));
        await WriteAsync(database, "minimax.txt", """
            MiniMax raises $300 million

            MiniMax raised $300 million in a Series C led by Tencent.
            """, company => Facts([company("MiniMax"), company("Tencent")],
            events: [Event("MiniMax raises $300 million", FuzzyDate.Day(new DateOnly(2026, 2, 10)), [company("MiniMax")], 1, "MiniMax raised $300 million")],
            investments: [Round(company("MiniMax"), company("Tencent"), 300_000_000m, 1, "MiniMax raised $300 million in a Series C led by Tencent")]));
        var recorder = new Scale.SqlCommandRecorder();
        var service = new ReviewService(recorder.FactoryFor(database), database.Time);

        var whole = await service.ListAsync(pageSize: 50, cancellationToken: Ct);

        Assert.Equal(
        [
            ("minimax.txt", 1, "event"), ("minimax.txt", 1, "investment"),
            ("zhipu.txt", 1, "event"), ("zhipu.txt", 2, "event"),
            ("moonshot.txt", 1, "event"), ("moonshot.txt", 1, "investment"), ("moonshot.txt", 1, "valuation"),
        ],
            whole.Items.Select(i => (i.Article, i.Paragraph, i.Kind)));
        Assert.Equal(7, whole.Total);
        var paged = new List<ReviewItem>();
        for (var page = 1; page <= 4; page++)
        {
            recorder.Clear();
            var one = await service.ListAsync(page, 2, Ct);
            Assert.Equal(7, one.Total);
            paged.AddRange(one.Items);
            // A page never sends the queue back as parameters: no command carries one per queued fact.
            Assert.All(recorder.Commands, c => Assert.InRange(c.Parameters.Count, 0, 4));
        }
        Assert.Equal(whole.Items, paged);
        Assert.Empty((await service.ListAsync(5, 2, Ct)).Items);
    }

    [Fact]
    public async Task Correcting_an_investment_or_a_valuation_opens_the_profile_form_of_its_company()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "moonshot.txt", Text, MoonshotFacts);
        await using var db = database.CreateContext();
        var slug = await db.Companies.Where(c => c.Name == "Moonshot AI").Select(c => c.Slug).SingleAsync(Ct);

        var queue = await Service(database).ListAsync(cancellationToken: Ct);

        Assert.Equal($"companies/{slug}/edit", queue.Items.Single(i => i.Kind == "investment").EditHref);
        Assert.Equal($"companies/{slug}/edit", queue.Items.Single(i => i.Kind == "valuation").EditHref);
    }

    [Fact]
    public async Task Confirming_marks_the_fact_confirmed_takes_it_off_the_queue_and_lets_confirmed_filters_find_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "moonshot.txt", Text, MoonshotFacts);
        var service = Service(database);
        var queue = await service.ListAsync(cancellationToken: Ct);
        var valuation = queue.Items.Single(i => i.Kind == "valuation");
        var moonshotEvent = queue.Items.Single(i => i.Kind == "event");
        Assert.Empty((await new ValuationQueries(database.Factory).ListAsync(new ValuationQuery { ConfirmedOnly = true }, Ct)).Items);

        Assert.True(await service.ConfirmAsync(valuation.Id, Editor, Ct));
        Assert.True(await service.ConfirmAsync(moonshotEvent.Id, Editor, Ct));

        Assert.Equal(["investment"], (await service.ListAsync(cancellationToken: Ct)).Items.Select(i => i.Kind));
        var confirmed = Assert.Single((await new ValuationQueries(database.Factory).ListAsync(new ValuationQuery { ConfirmedOnly = true }, Ct)).Items);
        Assert.Equal("confirmed", confirmed.Review);
        var events = await new EventQueries(database.Factory).ListAsync(new EventQuery { ConfirmedOnly = true }, Ct);
        Assert.Equal(["Moonshot AI raises $500 million"], events.Items.Select(e => e.Title));
        Assert.Empty((await new InvestmentQueries(database.Factory).ListAsync(new InvestmentQuery { ConfirmedOnly = true }, Ct)).Items);
        await using var db = database.CreateContext();
        var stored = await db.Valuations.SingleAsync(Ct);
        Assert.Equal(Editor, stored.ConfirmedBy);
        Assert.Equal(database.Time.GetUtcNow(), stored.ConfirmedAt);
    }

    [Fact]
    public async Task A_rejected_fact_is_deleted_and_never_comes_back_when_the_article_or_an_edited_version_is_imported_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "moonshot.txt", Text, MoonshotFacts);
        var service = Service(database);
        var queue = await service.ListAsync(cancellationToken: Ct);
        foreach (var item in queue.Items.Where(i => i.Kind is "valuation" or "investment" or "event"))
        {
            Assert.True(await service.RejectAsync(item.Id, Editor, Ct));
        }
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Valuations.CountAsync(Ct));
            Assert.Equal(0, await db.Investments.CountAsync(Ct));
            Assert.Equal(["Moonshot AI releases Kimi K2 Thinking"], await db.Events.Select(e => e.Title).ToListAsync(Ct));
            Assert.Equal(3, await db.RejectedFacts.CountAsync(Ct));
        }

        // An edited version of the same file: its text (and hash) differ, the same facts are read again.
        var edited = await WriteAsync(database, "moonshot.txt", Text + "\n\nThe round was first reported by LatePost.\n", MoonshotFacts);
        // And the first text again, under the same name.
        var original = await WriteAsync(database, "moonshot.txt", Text, MoonshotFacts);

        Assert.Equal(3, edited.Rejected);
        Assert.Equal(3, original.Rejected);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Valuations.CountAsync(Ct));
            Assert.Equal(0, await db.Investments.CountAsync(Ct));
            Assert.Equal(["Moonshot AI releases Kimi K2 Thinking"], await db.Events.Select(e => e.Title).ToListAsync(Ct));
            Assert.Equal(6, await db.RejectedFacts.CountAsync(Ct));
        }
        Assert.Empty((await service.ListAsync(cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task An_imported_seed_event_rejected_stays_gone_after_an_edited_seed_is_reimported_and_everything_else_comes_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = ImportTestKit.Seed("001");
        var text = await File.ReadAllTextAsync(path, Ct);
        var importer = ImportTestKit.Importer(database);
        await importer.ImportAsync(new ArticleSource("seed.txt", System.Text.Encoding.UTF8.GetBytes(text)), Ct);
        int rejectedId;
        string rejectedTitle;
        List<string> others;
        await using (var db = database.CreateContext())
        {
            var first = await db.Events.OrderBy(e => e.Id).FirstAsync(Ct);
            (rejectedId, rejectedTitle) = (first.Id, first.Title);
            others = await db.Events.Where(e => e.Id != rejectedId).Select(e => e.Title).OrderBy(t => t).ToListAsync(Ct);
        }

        Assert.True(await Service(database).RejectAsync($"event-{rejectedId}", Editor, Ct));
        var again = await importer.ImportAsync(new ArticleSource("seed.txt", System.Text.Encoding.UTF8.GetBytes(text + "\n\nEditor's note: a typo was fixed.\n")), Ct);

        Assert.Equal(ImportOutcome.Imported, again.Outcome);
        Assert.True(again.Replaced);
        Assert.Equal(1, again.Counts.Rejected);
        Assert.Contains(again.Notes, n => n.Contains("rejected", StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            Assert.False(await db.Events.AnyAsync(e => e.Title == rejectedTitle, Ct));
            Assert.Equal(others, await db.Events.Select(e => e.Title).OrderBy(t => t).ToListAsync(Ct));
        }
    }

    [Fact]
    public async Task Unknown_malformed_and_editor_written_ids_are_refused_and_change_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await TestData.SeedAsync(db, Ct);
        }
        var editorEvent = 0;
        await using (var db = database.CreateContext())
        {
            editorEvent = await db.Events.Select(e => e.Id).FirstAsync(Ct);
        }
        var service = Service(database);

        Assert.False(await service.ConfirmAsync("event-999999", Editor, Ct));
        Assert.False(await service.RejectAsync("valuation-abc", Editor, Ct));
        Assert.False(await service.RejectAsync("company-1", Editor, Ct));
        Assert.False(await service.RejectAsync($"event-{editorEvent}", Editor, Ct));

        await using var check = database.CreateContext();
        Assert.True(await check.Events.AnyAsync(e => e.Id == editorEvent, Ct));
        Assert.Equal(0, await check.RejectedFacts.CountAsync(Ct));
    }
}
