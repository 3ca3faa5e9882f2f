using System.ComponentModel.DataAnnotations;
using IndustryTracker.Core.Accounts;
using Microsoft.Extensions.Options;

namespace IndustryTracker.Web.Startup;

/// <summary>
/// Bound from the "Admin" section (environment: Admin__Email, Admin__Password): the first admin, created on start
/// when the database has no user yet. Both or neither must be set.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrEmpty(Password);
}

/// <summary>One clear message per problem, so a bad setting stops the start before anything is created.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (!options.IsSet)
        {
            return ValidateOptionsResult.Success;
        }
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Email))
        {
            problems.Add("Admin:Email (Admin__Email) is missing while Admin:Password is set.");
        }
        else if (!new EmailAddressAttribute().IsValid(options.Email.Trim()))
        {
            problems.Add($"Admin:Email (Admin__Email) '{options.Email}' is not an email address.");
        }
        if (string.IsNullOrEmpty(options.Password))
        {
            problems.Add("Admin:Password (Admin__Password) is missing while Admin:Email is set.");
        }
        else if (options.Password.Length < IdentitySetup.MinimumPasswordLength)
        {
            problems.Add($"Admin:Password (Admin__Password) must be at least {IdentitySetup.MinimumPasswordLength} characters.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
