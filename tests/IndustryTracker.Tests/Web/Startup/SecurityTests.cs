using System.Net;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace IndustryTracker.Tests.Web.Startup;

public sealed class SecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reading_pages_stay_public_while_the_app_has_authentication()
    {
        await using var database = await TestData.CreateDatabaseAsync();
        await using var factory = new TrackerWebApplicationFactory(database);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/companies", "/timeline", "/api/events" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
