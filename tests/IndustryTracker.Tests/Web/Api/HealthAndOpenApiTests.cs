using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;

namespace IndustryTracker.Tests.Web.Api;

public sealed class HealthAndOpenApiTests : WebAppTest
{
    [Fact]
    public async Task Health_is_healthy_when_the_database_answers()
    {
        using var response = await Client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Health_is_unhealthy_when_the_database_is_gone()
    {
        await using (var db = Database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"Mentions\"; DROP TABLE \"ArticleParagraphs\"; DROP TABLE \"Articles\";", Ct);
        }

        using var response = await Client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var json = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/events", paths);
        Assert.Contains("/api/companies", paths);
        Assert.Contains("/api/companies/{slug}", paths);
    }
}
