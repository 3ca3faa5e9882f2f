using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Auditing;
using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Data;
using IndustryTracker.Core.Dates;
using IndustryTracker.Core.Investments;
using IndustryTracker.Core.Sources;
using IndustryTracker.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Cli.Synthetic;

/// <summary>How big a synthetic dataset to generate, and the seed that makes it reproducible.</summary>
public sealed record SyntheticDatasetSize(int Companies, int Events, int Investments, int Seed)
{
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Companies is < 10 or > 1_000_000)
        {
            errors.Add($"--companies must be between 10 and 1000000, not {Companies}.");
        }
        if (Events is < 0 or > 10_000_000)
        {
            errors.Add($"--events must be between 0 and 10000000, not {Events}.");
        }
        if (Investments is < 0 or > 10_000_000)
        {
            errors.Add($"--investments must be between 0 and 10000000, not {Investments}.");
        }
        return errors;
    }
}

/// <summary>What <see cref="SyntheticDataset.GenerateAsync"/> wrote.</summary>
public sealed record SyntheticDatasetCounts(int Companies, int Models, int Investments, int Events, int Articles, int Mentions);

/// <summary>
/// A deterministic synthetic dataset for benchmarks and load tests, written through the real model (entities, owned
/// values, FTS triggers) without history rows: companies with aliases and parents, models, investments in CNY and
/// USD, and events at every date precision, each backed by a quote in a generated article. Activity is skewed: the
/// busiest 20% of companies take 80% of the event involvements, and within them a few take most. The same size and
/// seed always give the same rows. Refused on a database that holds anything but generated data.
/// </summary>
public static class SyntheticDataset
{
    /// <summary>The publisher of every generated article: how generated data is told from real imports.</summary>
    public const string Publisher = "IndustryTracker synthetic data (generate)";

    private const int EventsPerArticle = 50;
    private const int ParagraphsPerArticle = 10;
    private const int ChunkArticles = 20;
    private static readonly DateOnly FirstDay = new(2019, 1, 1);
    private static readonly DateOnly LastDay = new(2026, 6, 30);
    private static readonly DateTimeOffset CreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Syllables =
    [
        "zhi", "hua", "xin", "tian", "yun", "shu", "ling", "mo", "kun", "qi", "bai", "long", "feng", "ming", "rui", "jing",
        "an", "hai", "xing", "chen", "guang", "yuan", "zhong", "wei", "da", "bo", "heng", "jia", "lan", "shen",
    ];

    private static readonly string[] Suffixes = ["AI", "Technology", "Intelligence", "Robotics", "Cloud", "Semiconductor", "Capital", "Labs", "Data", "Computing"];

    private static readonly string[] Cities = ["Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Guangzhou", "Chengdu", "Nanjing", "Wuhan", "Suzhou", "Hefei", "Xi'an", "Tianjin"];

    /// <summary>One hundred topic words; a title carries one, so each word is in about 1% of titles.</summary>
    private static readonly string[] Topics =
    [
        "robotics", "inference", "lidar", "chipset", "datacenter", "copilot", "translation", "autonomy", "healthcare", "finance",
        "education", "retail", "logistics", "mining", "agriculture", "energy", "battery", "satellite", "drone", "speech",
        "vision", "search", "advertising", "gaming", "music", "video", "avatar", "compiler", "kernel", "quantization",
        "distillation", "sparsity", "multimodal", "reasoning", "agents", "toolkit", "benchmark", "leaderboard", "sandbox", "compliance",
        "licensing", "export", "tariff", "subsidy", "standard", "registry", "filing", "audit", "privacy", "watermark",
        "cluster", "supercomputer", "photonics", "memory", "packaging", "foundry", "wafer", "lithography", "router", "switch",
        "smartphone", "wearable", "glasses", "cockpit", "charging", "factory", "warehouse", "port", "railway", "aviation",
        "insurance", "banking", "payments", "ecommerce", "livestream", "shortvideo", "newsroom", "legal", "pharma", "genomics",
        "weather", "climate", "water", "grid", "nuclear", "hydrogen", "steel", "cement", "textile", "furniture",
        "tourism", "hotel", "catering", "realestate", "construction", "security", "surveillance", "defense", "space", "ocean",
    ];

    private static readonly string[] Verbs = ["launches", "expands", "integrates", "unveils", "pilots", "opens", "upgrades", "partners on", "invests in", "wins approval for"];

    /// <summary>Writes the dataset to the database behind <paramref name="options"/> (which must be migrated).</summary>
    public static async Task<SyntheticDatasetCounts> GenerateAsync(
        DatabaseOptions options, SyntheticDatasetSize size, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(size);
        var errors = size.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(size));
        }

        await using (var db = CreateContext(options))
        {
            if (await db.Articles.AnyAsync(a => a.Publisher == null || a.Publisher != Publisher, cancellationToken))
            {
                throw new InvalidOperationException("the database holds imported articles; synthetic data is only generated into a new database, never mixed with real data.");
            }
            if (await db.Companies.AnyAsync(cancellationToken) || await db.Events.IgnoreQueryFilters().AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException("the database is not empty; generate into a new database file.");
            }
        }

        var faker = new Faker("en") { Random = new Randomizer(size.Seed) };
        var state = new State(faker);

        var companies = await WriteCompaniesAsync(options, state, size.Companies, cancellationToken);
        progress?.Report($"{companies.Count} companies");
        var models = await WriteModelsAsync(options, state, companies, cancellationToken);
        progress?.Report($"{models.Count} models");
        var investments = await WriteInvestmentsAsync(options, state, companies, size.Investments, cancellationToken);
        progress?.Report($"{investments.Count} investments");
        await WriteEventsAsync(options, state, companies, models, investments, size.Events, progress, cancellationToken);
        await using (var db = CreateContext(options))
        {
            // Planner statistics for the bulk-loaded tables (both providers), as after any large import.
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        return new SyntheticDatasetCounts(companies.Count, models.Count, investments.Count, size.Events, state.Articles, state.Mentions);
    }

    private static IndustryTrackerDbContext CreateContext(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<IndustryTrackerDbContext>();
        // Auditing stamps a fixed time (reproducible rows); no history interceptor: a generated dataset has no history.
        Core.DependencyInjection.ConfigureProvider(builder, options)
            .AddInterceptors(new AuditingInterceptor(new FixedTime(CreatedAt), new SystemActor("generate")));
        var db = new IndustryTrackerDbContext(builder.Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    private static async Task<List<Company>> WriteCompaniesAsync(DatabaseOptions options, State state, int count, CancellationToken cancellationToken)
    {
        var f = state.Faker;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var companies = new List<Company>(count);
        var categories = Enum.GetValues<CompanyCategory>();
        for (var i = 0; i < count; i++)
        {
            string name;
            do
            {
                var syllables = f.Random.Int(2, 3);
                var stem = string.Concat(Enumerable.Range(0, syllables).Select(_ => f.PickRandom(Syllables)));
                name = $"{char.ToUpperInvariant(stem[0])}{stem[1..]} {f.PickRandom(Suffixes)}";
            }
            while (!slugs.Add(Core.Text.Slugs.From(name)));

            // The busiest fifth are mostly model developers and big tech; the rest spread over every category.
            var category = i < count / 5 && f.Random.Bool(0.6f)
                ? f.PickRandom(CompanyCategory.ModelDeveloper, CompanyCategory.BigTech, CompanyCategory.CloudMaas)
                : f.PickRandom(categories);
            var company = new Company(name, category)
            {
                Country = f.Random.Bool(0.9f) ? "China" : f.PickRandom("Singapore", "United States", "Hong Kong"),
                HeadquartersCity = f.PickRandom(Cities),
                Founded = f.Random.Bool(0.8f) ? state.Date(new DateOnly(1995, 1, 1), new DateOnly(2024, 12, 31)) : null,
                Summary = f.Random.Bool(0.7f) ? $"{name} works on {f.PickRandom(Topics)} and {f.PickRandom(Topics)}." : null,
            };
            if (f.Random.Bool(0.3f))
            {
                company.AddAlias(name.Split(' ')[0] + " " + f.PickRandom("Group", "Inc.", "Co., Ltd."), AliasKind.Alias);
            }
            if (f.Random.Bool(0.15f))
            {
                company.AddAlias(new string([.. name.Split(' ').Select(w => w[0])]) + f.Random.Int(1, 99).ToString(CultureInfo.InvariantCulture), AliasKind.Abbreviation);
            }
            if (i > 10 && f.Random.Bool(0.05f))
            {
                company.SetParent(companies[f.Random.Int(0, Math.Min(i, count / 5) - 1)]);
            }
            companies.Add(company);
        }

        await using var db = CreateContext(options);
        db.Companies.AddRange(companies);
        await db.SaveChangesAsync(cancellationToken);

        // Each company's profile is backed by one quote, 50 companies to an article.
        foreach (var batch in companies.Chunk(EventsPerArticle))
        {
            var sentences = batch.Select(c => $"{c.Name} is a {Core.Contracts.EnumNames.Display(c.Category).ToLowerInvariant()} based in {c.HeadquartersCity}.").ToList();
            var (article, placed) = state.Article("companies", sentences);
            db.Articles.Add(article);
            for (var k = 0; k < batch.Length; k++)
            {
                db.Mentions.Add(Mention.Of(batch[k], article, placed[k], sentences[k]));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return companies;
    }

    private static async Task<List<AiModel>> WriteModelsAsync(DatabaseOptions options, State state, List<Company> companies, CancellationToken cancellationToken)
    {
        var f = state.Faker;
        var developers = companies.Take(Math.Max(1, companies.Count / 5)).ToList();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var models = new List<AiModel>();
        var count = Math.Max(1, companies.Count / 4);
        for (var i = 0; i < count; i++)
        {
            var developer = developers[state.Skewed(developers.Count)];
            string name;
            do
            {
                name = $"{developer.Name.Split(' ')[0]}-{f.Random.Int(1, 9)}.{f.Random.Int(0, 9)}{f.PickRandom("", "-Max", "-Pro", "-Lite", "-VL", "-R")}";
            }
            while (!slugs.Add(Core.Text.Slugs.From(name)));
            models.Add(new AiModel(name, developer, f.PickRandom<AiModelKind>())
            {
                Status = f.PickRandom<AiModelStatus>(),
                Accessibility = f.PickRandom<Accessibility>(),
                ReleaseDate = f.Random.Bool(0.85f) ? state.Date(new DateOnly(2020, 1, 1), LastDay) : null,
            });
        }

        await using var db = CreateContext(options);
        db.AttachRange(companies);
        db.AiModels.AddRange(models);
        foreach (var batch in models.Chunk(EventsPerArticle))
        {
            var sentences = batch.Select(m => $"{m.Developer!.Name} released the {m.Name} model.").ToList();
            var (article, placed) = state.Article("models", sentences);
            db.Articles.Add(article);
            for (var k = 0; k < batch.Length; k++)
            {
                db.Mentions.Add(Mention.Of(batch[k], article, placed[k], sentences[k]));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return models;
    }

    private static async Task<List<Investment>> WriteInvestmentsAsync(DatabaseOptions options, State state, List<Company> companies, int count, CancellationToken cancellationToken)
    {
        var f = state.Faker;
        var investors = companies.Where(c => c.Category == CompanyCategory.Investor).DefaultIfEmpty(companies[0]).ToList();
        var investments = new List<Investment>(count);
        for (var i = 0; i < count; i++)
        {
            var recipient = f.Random.Bool(0.95f) ? state.Company(companies) : null;
            var investment = new Investment(f.PickRandom<InvestmentKind>(), recipient)
            {
                RoundLabel = f.PickRandom("Angel", "Series A", "Series B", "Series C", "pre-IPO", "strategic", null),
                Announced = f.Random.Bool(0.9f) ? state.Date(FirstDay, LastDay) : null,
                Period = f.Random.Bool(0.1f) ? "over three years" : null,
                Purpose = f.Random.Bool(0.3f) ? $"to build {f.PickRandom(Topics)} capacity" : null,
            };
            var leads = f.Random.Int(0, 3);
            for (var k = 0; k < leads; k++)
            {
                investment.AddParticipant(investors[f.Random.Int(0, investors.Count - 1)], isLead: k == 0);
            }
            if (f.Random.Bool(0.85f))
            {
                // Log-uniform from 1 million to 50 billion in the reported currency.
                var amount = decimal.Round((decimal)Math.Pow(10, f.Random.Double(2, 6.7))) * 10_000m;
                if (f.Random.Bool(0.6f))
                {
                    investment.Money = new Money(amount, "CNY", $"{amount / 1_000_000m:0.#} million yuan", f.Random.Bool(0.2f));
                    investment.ConvertToUsd(0.1378m, new DateOnly(2025, 1, 2), "synthetic fixed rate");
                }
                else
                {
                    investment.Money = new Money(amount, "USD", $"${amount / 1_000_000m:0.#} million", f.Random.Bool(0.2f));
                    investment.SetReportedUsd(amount);
                }
            }
            investments.Add(investment);
        }

        foreach (var chunk in investments.Chunk(EventsPerArticle * ChunkArticles))
        {
            await using var db = CreateContext(options);
            db.AttachRange(companies);
            db.Investments.AddRange(chunk);
            foreach (var batch in chunk.Chunk(EventsPerArticle))
            {
                var sentences = batch.Select(x => $"{x.Recipient?.Name ?? "An undisclosed company"} raised {x.Money?.AsReported ?? "an undisclosed sum"} in a {x.RoundLabel ?? "new"} round.").ToList();
                var (article, placed) = state.Article("investments", sentences);
                db.Articles.Add(article);
                for (var k = 0; k < batch.Length; k++)
                {
                    db.Mentions.Add(Mention.Of(batch[k], article, placed[k], sentences[k]));
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return investments;
    }

    private static async Task WriteEventsAsync(
        DatabaseOptions options, State state, List<Company> companies, List<AiModel> models, List<Investment> investments,
        int count, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var f = state.Faker;
        var categories = Enum.GetValues<EventCategory>();
        var written = 0;
        while (written < count)
        {
            var chunkSize = Math.Min(EventsPerArticle * ChunkArticles, count - written);
            await using var db = CreateContext(options);
            var events = new List<(TimelineEvent Event, string Sentence)>(chunkSize);
            for (var i = 0; i < chunkSize; i++)
            {
                var involved = f.Random.WeightedRandom([1, 2, 3], [0.55f, 0.35f, 0.10f]);
                var picked = Enumerable.Range(0, involved).Select(_ => state.Company(companies)).DistinctBy(c => c.Slug).ToList();
                var category = f.PickRandom(categories);
                var title = $"{picked[0].Name} {f.PickRandom(Verbs)} {f.PickRandom(Topics)} {f.PickRandom("platform", "programme", "service", "plant", "model", "deal")}";
                var date = state.Date(FirstDay, LastDay);
                var e = new TimelineEvent(title, date, category, EventOrigin.Import)
                {
                    Summary = f.Random.Bool(0.6f) ? f.Lorem.Sentence(8, 6) : null,
                };
                foreach (var company in picked)
                {
                    e.Involve(company);
                }
                if (models.Count > 0 && f.Random.Bool(0.2f))
                {
                    e.Involve(models[state.Skewed(models.Count)]);
                }
                if (category == EventCategory.Investment && investments.Count > 0 && f.Random.Bool(0.7f))
                {
                    e.Investment = investments[f.Random.Int(0, investments.Count - 1)];
                }
                var others = picked.Count > 1 ? $" with {string.Join(" and ", picked.Skip(1).Select(c => c.Name))}" : string.Empty;
                events.Add((e, $"{date.Label}: {title}{others}."));
            }

            // Only what this chunk refers to is attached (unchanged); everything new is added.
            db.AttachRange(events.SelectMany(x => x.Event.Companies).Distinct());
            db.AttachRange(events.SelectMany(x => x.Event.Models).Distinct());
            db.AttachRange(events.Select(x => x.Event.Investment).OfType<Investment>().Distinct());
            db.Events.AddRange(events.Select(x => x.Event));
            foreach (var batch in events.Chunk(EventsPerArticle))
            {
                var (article, placed) = state.Article("events", [.. batch.Select(x => x.Sentence)]);
                db.Articles.Add(article);
                for (var k = 0; k < batch.Length; k++)
                {
                    db.Mentions.Add(Mention.Of(batch[k].Event, article, placed[k], batch[k].Sentence));
                    state.Mentions++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            written += chunkSize;
            if (written % 10_000 == 0 || written == count)
            {
                progress?.Report($"{written} events");
            }
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>The random source and running counters shared by the steps.</summary>
    private sealed class State(Faker faker)
    {
        public Faker Faker { get; } = faker;
        public int Articles { get; private set; }
        public int Mentions { get; set; }

        /// <summary>An index in [0, count) skewed to the start: index 0 is picked most often.</summary>
        public int Skewed(int count) => Math.Min(count - 1, (int)(count * Math.Pow(Faker.Random.Double(), 2)));

        /// <summary>A company: 80% of picks from the first fifth (skewed within it), 20% uniformly from the rest.</summary>
        public Company Company(List<Company> companies)
        {
            var busy = Math.Max(1, companies.Count / 5);
            return Faker.Random.Bool(0.8f) || busy == companies.Count
                ? companies[Skewed(busy)]
                : companies[Faker.Random.Int(busy, companies.Count - 1)];
        }

        /// <summary>A fuzzy date in [first, last] at any precision, later years more likely (coverage grows).</summary>
        public FuzzyDate Date(DateOnly first, DateOnly last)
        {
            var span = last.DayNumber - first.DayNumber;
            var day = DateOnly.FromDayNumber(first.DayNumber + (int)(span * Math.Sqrt(Faker.Random.Double())));
            var precision = Faker.Random.WeightedRandom(
                [DatePrecision.Day, DatePrecision.PartOfMonth, DatePrecision.Month, DatePrecision.Quarter, DatePrecision.HalfYear, DatePrecision.Year, DatePrecision.Approximate],
                [0.60f, 0.08f, 0.15f, 0.07f, 0.03f, 0.05f, 0.02f]);
            var month = new DateOnly(day.Year, day.Month, 1);
            var monthName = month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            return precision switch
            {
                DatePrecision.Day => new FuzzyDate(day.ToString("MMM. d, yyyy", CultureInfo.InvariantCulture), day, day, precision),
                DatePrecision.PartOfMonth => new FuzzyDate($"Mid-{monthName}", month.AddDays(10), month.AddDays(19), precision),
                DatePrecision.Month => new FuzzyDate(monthName, month, month.AddMonths(1).AddDays(-1), precision),
                DatePrecision.Quarter => Quarter(day),
                DatePrecision.HalfYear => day.Month <= 6
                    ? new FuzzyDate($"H1 {day.Year}", new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 6, 30), precision)
                    : new FuzzyDate($"H2 {day.Year}", new DateOnly(day.Year, 7, 1), new DateOnly(day.Year, 12, 31), precision),
                DatePrecision.Year => new FuzzyDate(day.Year.ToString(CultureInfo.InvariantCulture), new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31), precision),
                _ => new FuzzyDate($"around {monthName}", month.AddMonths(-1), month.AddMonths(2).AddDays(-1), precision),
            };
        }

        private static FuzzyDate Quarter(DateOnly day)
        {
            var quarter = (day.Month - 1) / 3;
            var start = new DateOnly(day.Year, quarter * 3 + 1, 1);
            return new FuzzyDate($"Q{quarter + 1} {day.Year}", start, start.AddMonths(3).AddDays(-1), DatePrecision.Quarter);
        }

        /// <summary>An article whose paragraphs hold <paramref name="sentences"/>; returns the paragraph of each.</summary>
        public (Article Article, int[] Paragraphs) Article(string kind, IReadOnlyList<string> sentences)
        {
            Articles++;
            var number = Articles.ToString("D6", CultureInfo.InvariantCulture);
            var placed = new int[sentences.Count];
            var paragraphs = new List<StringBuilder>();
            for (var i = 0; i < sentences.Count; i++)
            {
                var p = Math.Min(ParagraphsPerArticle, sentences.Count) * i / Math.Max(1, sentences.Count);
                while (paragraphs.Count <= p)
                {
                    paragraphs.Add(new StringBuilder());
                }
                paragraphs[p].Append(paragraphs[p].Length == 0 ? string.Empty : " ").Append(sentences[i]);
                placed[i] = p + 1;
            }
            var text = string.Join("\n\n", paragraphs.Select(p => p.ToString()));
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + number + text)));
            var article = new Article($"synthetic-{kind}-{number}.txt", $"Synthetic {kind} digest {number}", sha, text, CreatedAt)
            {
                Publisher = Publisher,
                PublishedOn = new DateOnly(2026, 1, 1),
            };
            for (var p = 0; p < paragraphs.Count; p++)
            {
                article.AddParagraph(p + 1, paragraphs[p].ToString());
            }
            return (article, placed);
        }
    }
}
