using System.Text.Json;
using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Export;
using IndustryTracker.Core.Review;
using IndustryTracker.Tests.Support;
using static IndustryTracker.Tests.Review.FactWriterKit;

namespace IndustryTracker.Tests.Review;

/// <summary>The JSON export's "valuations" in the documented shape, and confirmed-only exports.</summary>
public sealed class ValuationExportTests
{
    [Fact]
    public async Task The_export_lists_valuations_in_the_documented_shape_and_confirmed_only_leaves_out_unconfirmed_facts()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WriteAsync(database, "moonshot.txt", """
            Moonshot AI valued at $4.3 billion

            The round values Moonshot AI at $4.3 billion, a person familiar said.
            """, company =>
        {
            var moonshot = company("Moonshot AI");
            return Facts([moonshot],
                events: [Event("Moonshot AI valued at $4.3 billion", FuzzyDate.Day(new DateOnly(2026, 1, 5), "Jan. 5, 2026"), [moonshot], 1, "The round values Moonshot AI")],
                valuations: [Valuation(moonshot, 4_300_000_000m, "USD", "$4.3 billion", 1, "values Moonshot AI at $4.3 billion", date: FuzzyDate.Day(new DateOnly(2026, 1, 5), "Jan. 5, 2026"))]);
        });
        var export = new ExportService(database.Factory);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(await export.BuildAsync(Ct), EnumNames.JsonOptions));

        var valuation = Assert.Single(json.RootElement.GetProperty("valuations").EnumerateArray());
        Assert.Equal("Moonshot AI", valuation.GetProperty("company").GetString());
        Assert.Equal(4_300_000_000m, valuation.GetProperty("amount").GetDecimal());
        Assert.Equal("USD", valuation.GetProperty("currency").GetString());
        Assert.Equal("$4.3 billion", valuation.GetProperty("asReported").GetString());
        Assert.Equal(4_300_000_000m, valuation.GetProperty("amountUsd").GetDecimal());
        var date = valuation.GetProperty("date");
        Assert.Equal(["label", "start", "end", "precision"], date.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-01-05", date.GetProperty("start").GetString());
        var source = Assert.Single(valuation.GetProperty("sources").EnumerateArray());
        Assert.Equal(["article", "paragraph", "quote"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal("moonshot.txt", source.GetProperty("article").GetString());
        Assert.Equal("values Moonshot AI at $4.3 billion", source.GetProperty("quote").GetString());

        var confirmedOnly = await export.BuildAsync(confirmedOnly: true, Ct);
        Assert.Empty(confirmedOnly.Valuations);
        Assert.Empty(confirmedOnly.Events);

        var review = new ReviewService(database.Factory, database.Time);
        Assert.True(await review.ConfirmAsync($"valuation-{valuation.GetProperty("id").GetInt32()}", "ed@example.com", Ct));
        var afterConfirm = await export.BuildAsync(confirmedOnly: true, Ct);
        Assert.Equal("$4.3 billion", Assert.Single(afterConfirm.Valuations).AsReported);
        Assert.Empty(afterConfirm.Events);
    }
}
