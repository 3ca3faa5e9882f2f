using IndustryTracker.Core.Accounts;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Startup;

internal static class AccountsStartup
{
    public static IServiceCollection AddAccountsStartup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        return services;
    }

    /// <summary>
    /// After migration: creates the Editor and Admin roles when missing, and — only when no user exists — the first
    /// admin from Admin:Email / Admin:Password. Invalid settings stop the start with a clear message, creating nothing.
    /// </summary>
    public static async Task InitializeAccountsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountsStartup));
        AdminOptions admin;
        try
        {
            admin = app.Services.GetRequiredService<IOptions<AdminOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            logger.LogCritical("The first-admin settings are invalid; no account was created: {Problems}", string.Join(" ", ex.Failures));
            throw;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        await accounts.EnsureRolesAsync(cancellationToken);

        if (await accounts.AnyUserAsync(cancellationToken))
        {
            if (admin.IsSet)
            {
                logger.LogInformation("Accounts exist already; Admin:Email {Email} was not created", admin.Email);
            }
            return;
        }
        if (!admin.IsSet)
        {
            // The normal state of a fresh install, so not a warning: a first start logs none.
            logger.LogInformation("No accounts yet: set Admin__Email and Admin__Password, or run 'industrytracker users add', to create an editor");
            return;
        }

        var result = await accounts.CreateAsync(admin.Email!, admin.Password!, AccountRoles.Admin, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogCritical("Could not create the first admin {Email}: {Problems}", admin.Email, result.ErrorMessage);
            throw new InvalidOperationException($"Could not create the first admin from Admin:Email / Admin:Password: {result.ErrorMessage}");
        }
        logger.LogInformation("Created the first admin account {Email}", admin.Email);
    }
}
