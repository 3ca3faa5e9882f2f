namespace IndustryTracker.Web.Security;

/// <summary>
/// The roles a signed-in user can hold. Readers are anonymous and hold none; an Admin can do everything an Editor can.
/// </summary>
public static class Roles
{
    public const string Editor = Core.Accounts.AccountRoles.Editor;
    public const string Admin = Core.Accounts.AccountRoles.Admin;

    public static IReadOnlyList<string> All => Core.Accounts.AccountRoles.All;
}

/// <summary>Authorization policy names. Every write path (page or endpoint) requires one of these on the server.</summary>
public static class Policies
{
    /// <summary>Add and correct events, companies, models and investments; merge companies; upload articles.</summary>
    public const string CanEdit = "CanEdit";

    /// <summary>Manage accounts.</summary>
    public const string CanAdminister = "CanAdminister";
}
