using IndustryTracker.Core.Companies;
using IndustryTracker.Core.Import;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryTracker.Web.Api;

/// <summary>
/// Editors' write endpoints: <c>POST /api/sources</c> (upload an article, or preview it with <c>?dryRun=true</c>) and
/// <c>PUT /api/companies/{slug}</c> (edit a company with <c>If-Match</c>). Both require <see cref="Policies.CanEdit"/>.
/// </summary>
public static class EditingApi
{
    public static IEndpointRouteBuilder MapEditingApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/sources", UploadSourceAsync)
            .WithTags("Sources")
            .WithName("UploadSource")
            .WithSummary("Import an article (text/plain body or a multipart 'file'); ?dryRun=true previews without writing")
            .RequireEditor();
        routes.MapPut("/api/companies/{slug}", UpdateCompanyAsync)
            .WithTags("Companies")
            .WithName("UpdateCompany")
            .WithSummary("Edit a company; send If-Match with the ETag from GET /api/companies/{slug}")
            .WithDescription("The body is the company's editable fields, or exactly what GET /api/companies/{slug} returned (the profile's read-only parts are ignored).")
            .Accepts<CompanyUpdateBody>("application/json")
            .RequireIfMatch("company")
            .RequireEditor();
        return routes;
    }

    /// <summary>The weak ETag of a company version: W/"7".</summary>
    public static string ETagOf(int version) => Versioning.ETagOf(version);

    /// <summary>An article upload is at most the importer's file limit, plus room for a multipart envelope.</summary>
    private const long MultipartEnvelopeBytes = 64 * 1024;

    internal static async Task<IResult> UploadSourceAsync(
        HttpRequest request,
        IArticleImporter importer,
        string? fileName,
        bool? dryRun,
        CancellationToken cancellationToken)
    {
        var limit = importer.MaxFileBytes;
        JsonBody.LimitBody(request.HttpContext, limit + MultipartEnvelopeBytes);
        byte[] content;
        var name = fileName;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "No file", "The multipart body has no file; send it as the 'file' part.");
            }
            if (file.Length > limit)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "Article too large", ArticleDecoder.TooLarge(file.Length, limit));
            }
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, cancellationToken);
            content = stream.ToArray();
            name ??= file.FileName;
        }
        else
        {
            if (request.ContentLength > limit)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "Article too large", ArticleDecoder.TooLarge(request.ContentLength.Value, limit));
            }
            using var stream = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (stream.Length + read > limit)
                {
                    return Problem(StatusCodes.Status413PayloadTooLarge, "Article too large", ArticleDecoder.TooLarge(stream.Length + read, limit));
                }
                stream.Write(buffer, 0, read);
            }
            content = stream.ToArray();
        }
        name = UploadNames.FileNameFor(name, null, content);
        try
        {
            return await RunImportAsync(request, importer, name, content, dryRun == true, cancellationToken);
        }
        catch (ImportCapacityExceededException ex)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status429TooManyRequests, "Too many imports", ex.Message);
        }
    }

    private static async Task<IResult> RunImportAsync(HttpRequest request, IArticleImporter importer, string name, byte[] content, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            var preview = await importer.PreviewAsync(new ArticleSource(name, content), progress: null, cancellationToken);
            return preview.Outcome == ImportOutcome.Rejected
                ? Problem(StatusCodes.Status400BadRequest, "Article rejected", preview.Error!)
                : TypedResults.Ok(preview);
        }

        var result = await importer.ImportAsync(new ArticleSource(name, content) { Actor = request.HttpContext.User.ActorName() }, cancellationToken);
        return result.Outcome switch
        {
            ImportOutcome.Rejected => Problem(StatusCodes.Status400BadRequest, "Article rejected", result.Error!),
            ImportOutcome.Imported => TypedResults.Created($"/api/sources/{result.ArticleId}", result),
            _ => TypedResults.Ok(result),
        };
    }

    internal static async Task<IResult> UpdateCompanyAsync(
        HttpContext context,
        CompanyEditor editor,
        string slug,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CompanyUpdateBody>(context.Request, "company", JsonBody.EntityMaxBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (edit, errors) = body!.ToEdit(slug, (await editor.LoadAsync(slug, cancellationToken))?.Company);
        if (edit is null)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: "The company is not valid.");
        }

        var result = await editor.SaveAsync(slug, edit, Versioning.ExpectedVersion(context), context.User.ActorName(), cancellationToken);
        switch (result.Status)
        {
            case CompanySaveStatus.NotFound:
                return Problem(StatusCodes.Status404NotFound, "Company not found", $"No company has the slug '{slug}'.");
            case CompanySaveStatus.Invalid:
                return TypedResults.ValidationProblem(result.Errors, detail: string.Join(" ", result.Errors.Values.SelectMany(v => v)), title: "The company is not valid.");
            case CompanySaveStatus.Conflict:
                var current = result.Current!;
                return Versioning.Conflict(context, "company", current.Version, current.UpdatedBy, current.UpdatedAt, current);
            default:
                context.Response.Headers.ETag = ETagOf(result.Current!.Version);
                return TypedResults.Ok(result.Current);
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
