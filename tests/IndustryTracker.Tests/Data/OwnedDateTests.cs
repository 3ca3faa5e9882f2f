using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Tests.Data;

/// <summary>
/// A FuzzyDate is an owned value: each owner keeps its own copy, so the importer handing one date to an event, an
/// investment and a model cannot make an edit of one write the others.
/// </summary>
public sealed class OwnedDateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editing_an_events_date_leaves_the_investments_and_the_models_date_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var shared = new FuzzyDate("Jan. 20, 2025", new DateOnly(2025, 1, 20), new DateOnly(2025, 1, 20), DatePrecision.Day);
        int eventId, investmentId, modelId;
        await using (var db = database.CreateContext())
        {
            var deepSeek = new Company("DeepSeek", CompanyCategory.ModelDeveloper);
            var investment = new Investment(InvestmentKind.FundingRound, deepSeek) { Announced = shared };
            var model = new AiModel("DeepSeek-R1", deepSeek) { ReleaseDate = shared };
            var timelineEvent = new TimelineEvent("DeepSeek releases R1", shared, EventCategory.ProductLaunch, EventOrigin.Import);
            db.AddRange(deepSeek, investment, model, timelineEvent);
            await db.SaveChangesAsync(Ct);

            Assert.NotSame(timelineEvent.Date, investment.Announced);
            Assert.NotSame(timelineEvent.Date, model.ReleaseDate);

            // Edited in the same unit of work that created them, where a shared instance would be tracked twice.
            timelineEvent.Date = FuzzyDate.Day(new DateOnly(2025, 2, 3));
            await db.SaveChangesAsync(Ct);
            (eventId, investmentId, modelId) = (timelineEvent.Id, investment.Id, model.Id);
        }

        await using var check = database.CreateContext();
        Assert.Equal(new DateOnly(2025, 2, 3), (await check.Events.SingleAsync(e => e.Id == eventId, Ct)).Date.Start);
        Assert.Equal(shared, (await check.Investments.SingleAsync(i => i.Id == investmentId, Ct)).Announced);
        Assert.Equal(shared, (await check.AiModels.SingleAsync(m => m.Id == modelId, Ct)).ReleaseDate);
    }
}
