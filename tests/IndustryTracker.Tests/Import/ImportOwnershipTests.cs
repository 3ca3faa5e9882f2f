using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Import;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Import.Writing;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Core.Valuations;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Import;

/// <summary>
/// <see cref="ImportOwnership"/> is the one rule for what the importer may narrow, extend and retract: a record no
/// editor has written, changed or confirmed. The writers test it in memory and the retraction in SQL; both forms must
/// give the same answer for every state a record can be in.
/// </summary>
public sealed class ImportOwnershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FuzzyDate Date = FuzzyDate.Day(new DateOnly(2025, 3, 1));

    /// <summary>The states a fact can be in, by title/label: which of them the importer owns.</summary>
    private static readonly Dictionary<string, bool> Expected = new(StringComparer.Ordinal)
    {
        ["imported"] = true,
        ["imported then changed by the importer"] = true,
        ["imported then changed by an editor's upload"] = true,
        ["imported then edited"] = false,
        ["imported then confirmed"] = false,
        ["written by an editor"] = false,
    };

    [Fact]
    public async Task The_query_and_the_in_memory_rule_agree_on_every_state_of_an_event_investment_and_valuation()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database);

        await using var db = database.CreateContext();
        var events = await db.Events.AsNoTracking().ToListAsync(Ct);
        var ownedEvents = await db.Events.Where(ImportOwnership.EventOwned).Select(e => e.Title).ToListAsync(Ct);
        var investments = await db.Investments.AsNoTracking().ToListAsync(Ct);
        var ownedInvestments = await db.Investments.Where(ImportOwnership.InvestmentOwned).Select(i => i.RoundLabel!).ToListAsync(Ct);
        var valuations = await db.Valuations.AsNoTracking().ToListAsync(Ct);
        var ownedValuations = await db.Valuations.Where(ImportOwnership.ValuationOwned).Select(v => v.Money.AsReported).ToListAsync(Ct);

        var expectedOwned = Expected.Where(e => e.Value).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Expected.Count, events.Count);
        Assert.Equal(expectedOwned, ownedEvents.Order(StringComparer.Ordinal));
        Assert.Equal(expectedOwned, events.Where(ImportOwnership.Owns).Select(e => e.Title).Order(StringComparer.Ordinal));
        Assert.Equal(Expected.Count, investments.Count);
        Assert.Equal(expectedOwned, ownedInvestments.Order(StringComparer.Ordinal));
        Assert.Equal(expectedOwned, investments.Where(ImportOwnership.Owns).Select(i => i.RoundLabel!).Order(StringComparer.Ordinal));
        Assert.Equal(Expected.Count, valuations.Count);
        Assert.Equal(expectedOwned, ownedValuations.Order(StringComparer.Ordinal));
        Assert.Equal(expectedOwned, valuations.Where(ImportOwnership.Owns).Select(v => v.Money.AsReported).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_record_not_yet_saved_is_the_importers_and_a_company_is_until_an_editor_changes_it()
    {
        Assert.True(ImportOwnership.Owns(new TimelineEvent("new", Date, EventCategory.Partnership, EventOrigin.Editor)));
        Assert.True(ImportOwnership.Owns(new Investment(InvestmentKind.FundingRound, null)));
        Assert.True(ImportOwnership.Owns(new Company("New Co")));

        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database);
        await using var db = database.CreateContext();
        db.Actor = "ed@example.com";
        var company = await db.Companies.SingleAsync(Ct);
        Assert.True(ImportOwnership.Owns(company));
        company.Summary = "Edited by hand.";
        await db.SaveChangesAsync(Ct);
        Assert.False(ImportOwnership.Owns(company));

        // An actor that merely starts like the importer's name is an editor.
        db.Actor = "importer@example.com";
        company.Summary = "Edited again.";
        await db.SaveChangesAsync(Ct);
        Assert.False(ImportOwnership.Owns(company));
        db.Actor = SystemActor.ImportFor("ed@example.com");
        company.Summary = "Refined by an editor's upload.";
        await db.SaveChangesAsync(Ct);
        Assert.True(ImportOwnership.Owns(company));
    }

    /// <summary>One event, investment and valuation per state of <see cref="Expected"/>, each labelled with its state.</summary>
    private static async Task SeedAsync(TestDatabase database)
    {
        var company = new Company("Ownership Test Co");
        await using (var db = database.CreateContext())
        {
            db.Actor = "import";
            db.Companies.Add(company);
            foreach (var state in Expected.Keys)
            {
                var origin = state == "written by an editor" ? EventOrigin.Editor : EventOrigin.Import;
                db.Events.Add(new TimelineEvent(state, Date, EventCategory.Partnership, origin) { UpdatedBy = origin == EventOrigin.Editor ? "ed@example.com" : null });
                db.Investments.Add(new Investment(InvestmentKind.FundingRound, company) { RoundLabel = state, UpdatedBy = origin == EventOrigin.Editor ? "ed@example.com" : null });
                db.Valuations.Add(new Valuation(company, new Money(1_000_000m, "USD", state, false), Date) { UpdatedBy = origin == EventOrigin.Editor ? "ed@example.com" : null });
            }
            await db.SaveChangesAsync(Ct);
        }
        await ChangeAsync(database, "import", "imported then changed by the importer", confirm: false);
        await ChangeAsync(database, SystemActor.ImportFor("ed@example.com"), "imported then changed by an editor's upload", confirm: false);
        await ChangeAsync(database, "ed@example.com", "imported then edited", confirm: false);
        await ChangeAsync(database, "ed@example.com", "imported then confirmed", confirm: true);
    }

    /// <summary>
    /// <paramref name="actor"/> changes a value of each record labelled <paramref name="state"/> (a scalar, so the audit
    /// stamps it), or confirms them.
    /// </summary>
    private static async Task ChangeAsync(TestDatabase database, string actor, string state, bool confirm)
    {
        await using var db = database.CreateContext();
        db.Actor = actor;
        var timelineEvent = await db.Events.SingleAsync(e => e.Title == state, Ct);
        var investment = await db.Investments.SingleAsync(i => i.RoundLabel == state, Ct);
        var valuation = await db.Valuations.SingleAsync(v => v.Money.AsReported == state, Ct);
        if (confirm)
        {
            var at = database.Time.GetUtcNow();
            timelineEvent.ConfirmedAt = investment.ConfirmedAt = valuation.ConfirmedAt = at;
            timelineEvent.ConfirmedBy = investment.ConfirmedBy = valuation.ConfirmedBy = actor;
            // Saved as the importer's own actor: the confirmed mark alone makes the record the editors'.
            db.Actor = "import";
        }
        else
        {
            timelineEvent.Summary = $"Changed by {actor}.";
            investment.Purpose = $"Changed by {actor}.";
            valuation.Confidence = FactConfidence.High;
        }
        await db.SaveChangesAsync(Ct);
    }
}
