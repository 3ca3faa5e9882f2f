using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using IndustryTracker.Core.Valuations;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// EF Core compiles, on first use in a process, how it reads, sets and snapshots each property of a type it tracks and
/// how it fixes up each relationship: in a fresh process about a fifth of a second of the write of a long article.
/// This tracks one unsaved instance of each type the writer adds, with the owned values and links it gives them, in a
/// throwaway context on the core the extraction leaves idle, so that the write finds them compiled. Nothing is saved
/// or read; a later import in the same process pays a fraction of a millisecond.
/// </summary>
internal static class TrackingWarmUp
{
    public static Task RunAsync(IDbContextFactory<IndustryTrackerDbContext> contextFactory, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                var day = FuzzyDate.Day(new DateOnly(2000, 1, 1));
                var company = new Company("Warm-up", CompanyCategory.ModelDeveloper);
                company.AddAlias("Warm up", AliasKind.Alias);
                var investor = new Company("Warm-up Capital", CompanyCategory.Investor);
                var model = new AiModel("Warm-up 1", company);
                var investment = new Investment(InvestmentKind.FundingRound, company) { Money = new Money(1m, "USD", "$1"), Announced = day };
                investment.AddParticipant(investor, isLead: true);
                var valuation = new Valuation(company, new Money(1m, "USD", "$1"), day);
                var timelineEvent = new TimelineEvent("Warm-up", day, EventCategory.Other, EventOrigin.Import);
                timelineEvent.Involve(company);
                timelineEvent.Involve(model);
                db.AddRange(new Article("warm-up.txt", "Warm-up", new string('0', 64), "Warm-up.", DateTimeOffset.UnixEpoch), company, investor, model, investment, valuation, timelineEvent);
                db.ChangeTracker.DetectChanges();
                db.ChangeTracker.Clear();
            },
            cancellationToken);
}
