using IndustryTracker.Tests.Support;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Tests.Web.Accounts;

/// <summary>First run: Admin:Email / Admin:Password create one admin when no user exists, and nothing otherwise.</summary>
public sealed class AdminBootstrapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_start_creates_exactly_one_admin_and_later_starts_create_none()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = new TrackerWebApplicationFactory(database)
            .WithSettings(("Admin:Email", "admin@example.com"), ("Admin:Password", "a long enough passphrase")))
        {
            first.CreateClient().Dispose();
        }
        await using (var second = new TrackerWebApplicationFactory(database)
            .WithSettings(("Admin:Email", "other@example.com"), ("Admin:Password", "another long passphrase")))
        {
            second.CreateClient().Dispose();
            await using var scope = second.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var admin = Assert.Single(await users.Users.ToListAsync(Ct));
            Assert.Equal("admin@example.com", admin.Email);
            Assert.Equal([Roles.Admin], await users.GetRolesAsync(admin));
            Assert.True(await users.CheckPasswordAsync(admin, "a long enough passphrase"));
        }
        await using var db = database.CreateContext();
        Assert.Equal(["Admin", "Editor"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync(Ct));
    }

    [Fact]
    public async Task Without_admin_settings_no_account_is_created_but_the_roles_are()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var factory = new TrackerWebApplicationFactory(database))
        {
            factory.CreateClient().Dispose();
        }

        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync(Ct));
        Assert.Equal(2, await db.Roles.CountAsync(Ct));
    }

    [Theory]
    [InlineData("admin@example.com", "short", "at least 12 characters")]
    [InlineData("not-an-email", "a long enough passphrase", "is not an email address")]
    [InlineData("admin@example.com", "", "Admin:Password (Admin__Password) is missing")]
    public async Task Bad_admin_settings_stop_the_start_with_a_clear_message_and_create_nothing(string email, string password, string message)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new TrackerWebApplicationFactory(database)
            .WithSettings(("Admin:Email", email), ("Admin:Password", password));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync(Ct));
    }
}
