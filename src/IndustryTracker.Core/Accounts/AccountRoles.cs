namespace IndustryTracker.Core.Accounts;

/// <summary>
/// The role names stored in "AspNetRoles". The web app's Security/Roles.cs refers to these, so the CLI (which has no
/// web reference) and the web app can never disagree on a name.
/// </summary>
public static class AccountRoles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Editor, Admin];

    /// <summary>The canonical spelling of <paramref name="role"/> (case-insensitive), or null when it is not a role.</summary>
    public static string? Find(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
