using IndustryTracker.Core.AiModels;
using IndustryTracker.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace IndustryTracker.Core.Import.Writing;

/// <summary>
/// Models: matched by slug (the catalogue's existing row, one added earlier in this article, or a stored one),
/// otherwise created with reference data or what the article states; then release dates the article gives fill a
/// model's missing one.
/// </summary>
internal static class ModelFactWriter
{
    public static async Task<IReadOnlyDictionary<ModelIdentity, AiModel>> WriteAsync(WriteSession session, IReadOnlyList<ModelFact> facts, CancellationToken cancellationToken)
    {
        var models = new Dictionary<ModelIdentity, AiModel>();
        foreach (var fact in facts)
        {
            var slug = Text.Slugs.From(fact.Model.Name);
            var model = (fact.Model.Existing is { } existing ? session.Track(existing) : null)
                ?? session.Db.AiModels.Local.FirstOrDefault(m => m.Slug == slug)
                ?? await session.Db.AiModels.FirstOrDefaultAsync(m => m.Slug == slug, cancellationToken);
            fact.Model.Existing = model;
            if (model is null)
            {
                var developer = fact.Developer is null ? null : session.CompanyFor(fact.Developer);
                var listed = fact.Model.Reference;
                model = new AiModel(fact.Model.Name, developer, listed?.Kind ?? AiModelKind.Llm)
                {
                    Status = listed?.Status ?? fact.StatedStatus ?? AiModelStatus.Announced,
                    Accessibility = listed?.Accessibility ?? fact.StatedAccessibility ?? Accessibility.Unknown,
                };
                session.Db.AiModels.Add(model);
            }
            models[fact.Model] = model;
            foreach (var source in fact.Sources)
            {
                session.Quote(source, (article, paragraph, quote) => Mention.Of(model, article, paragraph, quote));
            }
        }
        return models;
    }

    /// <summary>A release date the article states fills a model's missing one ("set for release" keeps a new model announced).</summary>
    public static void ApplyReleases(IReadOnlyList<ModelReleaseFact> releases, IReadOnlyDictionary<ModelIdentity, AiModel> models)
    {
        foreach (var release in releases)
        {
            if (models.TryGetValue(release.Model, out var model) && model.ReleaseDate is null)
            {
                model.ReleaseDate = release.Date;
                if (release.Status == AiModelStatus.Announced && model.Id == 0)
                {
                    model.Status = AiModelStatus.Announced;
                }
            }
        }
    }
}
