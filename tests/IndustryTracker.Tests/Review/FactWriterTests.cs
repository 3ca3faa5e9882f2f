using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Queries;
using IndustryTracker.Core.Review;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static IndustryTracker.Tests.Review.FactWriterKit;

namespace IndustryTracker.Tests.Review;

/// <summary>The writer per fact kind: provenance recorded, one record per fact (valuations, investments), events.</summary>
public sealed class FactWriterTests
{
    private const string MoonshotText = """
        Moonshot AI raises $500 million

        Moonshot AI raised $500 million in a Series C led by IDG Capital, valuing the company at $4.3 billion.

        The Beijing start-up is now valued at $4.3 billion, people familiar with the deal said.
        """;

    private const string WireText = """
        Moonshot AI's round closes

        Investors valued Moonshot AI at US$4.3 billion after the round, a filing showed.
        """;

    [Fact]
    public async Task A_valuation_stated_twice_in_one_article_and_again_by_another_is_one_record_with_every_quote()
    {
        await using var database = await TestDatabase.CreateAsync();

        var first = await WriteAsync(database, "moonshot.txt", MoonshotText, company =>
        {
            var moonshot = company("Moonshot AI");
            return Facts([moonshot], valuations:
            [
                Valuation(moonshot, 4_300_000_000m, "USD", "$4.3 billion", 1, "valuing the company at $4.3 billion", date: FuzzyDate.Day(new DateOnly(2026, 1, 5))),
                Valuation(moonshot, 4_300_000_000m, "USD", "$4.3 billion", 2, "now valued at $4.3 billion", Low),
            ]);
        });
        await WriteAsync(database, "wire.txt", WireText, company =>
        {
            var moonshot = company("Moonshot AI");
            return Facts([moonshot], valuations: [Valuation(moonshot, 4_300_000_000m, "USD", "US$4.3 billion", 1, "valued Moonshot AI at US$4.3 billion")]);
        });

        Assert.Equal(2, first.Valuations);
        await using var db = database.CreateContext();
        var valuation = await db.Valuations.Include(v => v.Company).SingleAsync(Ct);
        Assert.Equal("Moonshot AI", valuation.Company.Name);
        Assert.Equal(4_300_000_000m, valuation.Money.Amount);
        Assert.Equal("$4.3 billion", valuation.Money.AsReported);
        Assert.Equal(4_300_000_000m, valuation.AmountUsd);
        Assert.True(valuation.UsdIsReported);
        Assert.Equal(new DateOnly(2026, 1, 5), valuation.Date!.Start);
        Assert.Equal("test.medium", valuation.ImportRule);
        Assert.Equal(FactConfidence.Medium, valuation.Confidence);
        Assert.Null(valuation.ConfirmedAt);
        Assert.Equal(3, await db.Mentions.CountAsync(m => m.ValuationId == valuation.Id, Ct));
    }

    [Fact]
    public async Task Valuations_in_another_currency_are_converted_and_the_profile_history_shows_the_latest()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "history.txt", """
            Moonshot AI valuations

            Moonshot AI was valued at 18 billion yuan in 2024.

            By January 2026 Moonshot AI was valued at $4.3 billion.
            """, company =>
        {
            var moonshot = company("Moonshot AI");
            return Facts([moonshot], valuations:
            [
                Valuation(moonshot, 18_000_000_000m, "CNY", "18 billion yuan", 1, "valued at 18 billion yuan", date: new FuzzyDate("2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), DatePrecision.Year)),
                Valuation(moonshot, 4_300_000_000m, "USD", "$4.3 billion", 2, "valued at $4.3 billion", date: new FuzzyDate("January 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), DatePrecision.Month)),
            ]);
        });

        await using (var db = database.CreateContext())
        {
            var yuan = await db.Valuations.SingleAsync(v => v.Money.Currency == "CNY", Ct);
            Assert.False(yuan.UsdIsReported);
            Assert.NotNull(yuan.FxRate);
            Assert.NotNull(yuan.FxRateSource);
            Assert.Equal(decimal.Round(18_000_000_000m * yuan.FxRate!.Value, 2), yuan.AmountUsd);
        }
        var history = await new ValuationQueries(database.Factory).ForCompanyAsync("moonshot-ai", Ct);
        Assert.Equal(["18 billion yuan", "$4.3 billion"], history.History.Select(v => v.AsReported));
        Assert.Equal("$4.3 billion", history.Latest!.AsReported);
        Assert.Equal("history.txt", Assert.Single(history.Latest.Sources).Article);

        var from2025 = await new ValuationQueries(database.Factory).ListAsync(new ValuationQuery { From = new DateOnly(2025, 1, 1) }, Ct);
        Assert.Equal("$4.3 billion", Assert.Single(from2025.Items).AsReported);
    }

    [Fact]
    public async Task An_investment_stated_twice_in_one_article_is_one_record_with_both_quotes_and_its_provenance()
    {
        await using var database = await TestDatabase.CreateAsync();

        var counts = await WriteAsync(database, "moonshot.txt", MoonshotText, company =>
        {
            var (moonshot, idg) = (company("Moonshot AI"), company("IDG Capital"));
            return Facts([moonshot, idg], investments:
            [
                Round(moonshot, idg, 500_000_000m, 1, "Moonshot AI raised $500 million in a Series C led by IDG Capital"),
                Round(moonshot, idg, 500_000_000m, 2, "the $500 million round", Low),
            ]);
        });

        Assert.Equal(2, counts.Investments);
        await using var db = database.CreateContext();
        var investment = await db.Investments.Include(i => i.Recipient).Include(i => i.Participants).ThenInclude(p => p.Company).SingleAsync(Ct);
        Assert.Equal("Moonshot AI", investment.Recipient!.Name);
        Assert.Equal("IDG Capital", Assert.Single(investment.Participants, p => p.IsLead).Company.Name);
        Assert.Equal(FactConfidence.Medium, investment.Confidence);
        Assert.Equal("test.medium", investment.ImportRule);
        Assert.Equal(2, await db.Mentions.CountAsync(m => m.InvestmentId == investment.Id, Ct));
    }

    [Fact]
    public async Task An_undisclosed_round_of_companies_new_to_the_database_stated_twice_is_one_record()
    {
        // Neither company is stored before the write: the writer tells them apart by instance, not by id.
        await using var database = await TestDatabase.CreateAsync();
        const string text = "Quiet rounds\n\nNebula Forge raised a round led by Orbit Ventures.\n\nThe round was led by Orbit Ventures.";

        var counts = await WriteAsync(database, "quiet.txt", text, company =>
        {
            var (nebula, orbit) = (company("Nebula Forge"), company("Orbit Ventures"));
            InvestmentFact Undisclosed(int paragraph, string quote) =>
                new(InvestmentKind.FundingRound, nebula, [new InvestorFact(orbit, IsLead: true)], [], null, null, null, null, [new SourceQuote(paragraph, quote)]) { Provenance = Medium };
            // Two restatements the merger would have made one; written apart, the writer must match them itself.
            return Facts([nebula, orbit], investments: [Undisclosed(1, "Nebula Forge raised a round led by Orbit Ventures"), Undisclosed(2, "The round was led by Orbit Ventures")]);
        });

        Assert.Equal(2, counts.Investments);
        await using var db = database.CreateContext();
        var investment = await db.Investments.Include(i => i.Participants).ThenInclude(p => p.Company).SingleAsync(Ct);
        Assert.Equal("Orbit Ventures", Assert.Single(investment.Participants).Company.Name);
        Assert.Equal(2, await db.Mentions.CountAsync(m => m.InvestmentId == investment.Id, Ct));
    }

    [Fact]
    public async Task A_listing_stated_as_planned_then_filed_is_one_IPO_with_the_later_status()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "listing.txt", """
            Zhipu lists

            Zhipu planned to raise HK$4.2 billion in its Hong Kong listing.

            Zhipu has filed for the Hong Kong listing.
            """, company =>
        {
            var zhipu = company("Zhipu AI");
            InvestmentFact Ipo(Core.Text.MoneyAmount[] amounts, ListingStatus status, int paragraph) =>
                new(Core.Investments.InvestmentKind.Ipo, zhipu, [], amounts, null, null, null, null, [new SourceQuote(paragraph, "listing " + status)])
                { Listing = status, Provenance = Medium };
            return Facts([zhipu], investments:
            [
                Ipo([new Core.Text.MoneyAmount(4_200_000_000m, "HKD", "HK$4.2 billion", false, false, 0, 14)], ListingStatus.Planned, 1),
                Ipo([], ListingStatus.Filed, 2),
            ]);
        });

        await using var db = database.CreateContext();
        var listing = await db.Investments.SingleAsync(Ct);
        Assert.Equal(Core.Investments.InvestmentKind.Ipo, listing.Kind);
        Assert.Equal(ListingStatus.Filed, listing.Listing);
        Assert.Equal("HKD", listing.Money!.Currency);
        Assert.Equal(2, await db.Mentions.CountAsync(m => m.InvestmentId == listing.Id, Ct));
    }

    [Fact]
    public async Task An_event_records_its_rule_key_and_confidence_and_stays_unconfirmed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var day = FuzzyDate.Day(new DateOnly(2026, 1, 5));

        await WriteAsync(database, "moonshot.txt", MoonshotText, company =>
        {
            var moonshot = company("Moonshot AI");
            return Facts([moonshot], events: [Event("Moonshot AI raises $500 million", day, [moonshot], 1, "Moonshot AI raised $500 million", Low)]);
        });

        await using var db = database.CreateContext();
        var stored = await db.Events.SingleAsync(e => e.Title == "Moonshot AI raises $500 million", Ct);
        Assert.Equal("test.low", stored.ImportRule);
        Assert.Equal(FactKeys.Event("Moonshot AI raises $500 million", day), stored.ImportKey);
        Assert.Equal(FactConfidence.Low, stored.Confidence);
        Assert.Equal(ReviewState.Unreviewed, stored.ReviewState());
    }

    [Fact]
    public async Task Only_events_in_the_articles_date_window_are_matched_and_one_inside_it_gets_the_quote()
    {
        await using var database = await TestDatabase.CreateAsync();
        var january = new FuzzyDate("January 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), DatePrecision.Month);
        await WriteAsync(database, "a.txt", MoonshotText, company =>
            Facts([company("Moonshot AI")], events: [Event("Moonshot AI raises $500 million in a Series C", january, [company("Moonshot AI")], 1, "raised $500 million")]));

        await WriteAsync(database, "b.txt", WireText, company =>
            Facts([company("Moonshot AI")], events: [Event("Moonshot AI raises $500 million in a Series C round", FuzzyDate.Day(new DateOnly(2026, 1, 5)), [company("Moonshot AI")], 1, "the round closes")]));

        await using var db = database.CreateContext();
        var merged = (await db.Events.ToListAsync(Ct)).Single(e => e.Title.StartsWith("Moonshot", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 1, 5), merged.Date.Start);
        Assert.Equal(2, await db.Mentions.CountAsync(m => m.TimelineEventId == merged.Id, Ct));
    }
}
