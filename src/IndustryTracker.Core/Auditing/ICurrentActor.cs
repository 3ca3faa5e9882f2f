namespace IndustryTracker.Core.Auditing;

/// <summary>Who is making the change being saved: a user name, or a system actor such as "import".</summary>
public interface ICurrentActor
{
    string Name { get; }
}

public sealed class SystemActor(string name) : ICurrentActor
{
    public static SystemActor Import { get; } = new("import");

    /// <summary>
    /// The importer acting for someone who started the import (an editor's upload): "import (ed@example.com)". What
    /// it writes is stamped with that name, so editors see who brought it, and stays the importer's to narrow, extend
    /// and retract (<see cref="IsImport"/>), like what the importer writes on its own.
    /// </summary>
    public static string ImportFor(string? user)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return Import.Name;
        }
        var name = $"{ImportPrefix}{user.Trim()})";
        return name.Length <= MaxActorLength ? name : name[..(MaxActorLength - 2)] + "…)";
    }

    /// <summary>Whether an actor is the importer, on its own or for someone (<see cref="ImportFor"/>).</summary>
    public static bool IsImport(string? actor) =>
        actor is not null && (actor == Import.Name || actor.StartsWith(ImportPrefix, StringComparison.Ordinal));

    /// <summary>How an actor written by <see cref="ImportFor"/> for someone starts.</summary>
    public const string ImportPrefix = "import (";

    /// <summary>The length of every column that holds an actor (CreatedBy, UpdatedBy, DeletedBy, history actors).</summary>
    public const int MaxActorLength = 256;

    public string Name { get; } = name;
}
