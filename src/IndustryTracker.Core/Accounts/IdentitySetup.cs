using IndustryTracker.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IndustryTracker.Core.Accounts;

/// <summary>
/// ASP.NET Core Identity on the tracker's own database. The web app starts from AddIdentityApiEndpoints (cookie,
/// bearer, sign-in manager), the CLI from AddIdentityCore; both finish with <see cref="AddAccountStores"/> and use
/// the same <see cref="Configure"/> rules.
/// </summary>
public static class IdentitySetup
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Long passwords rather than character classes; lockout after 5 failures for 15 minutes; unique emails.</summary>
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.SignIn.RequireConfirmedEmail = false;
    }

    /// <summary>Roles, the EF stores on <see cref="IndustryTrackerDbContext"/> and <see cref="UserAccounts"/>.</summary>
    public static IdentityBuilder AddAccountStores(this IdentityBuilder builder)
    {
        builder.AddRoles<IdentityRole>().AddEntityFrameworkStores<IndustryTrackerDbContext>();
        builder.Services.TryAddScoped<UserAccounts>();
        builder.Services.TryAddScoped<AccountAdministration>();
        return builder;
    }

    /// <summary>User management without sign-in (for the CLI): Identity core, roles, stores, <see cref="UserAccounts"/>.</summary>
    public static IServiceCollection AddIndustryTrackerAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<IdentityUser>(Configure).AddAccountStores();
        return services;
    }
}
