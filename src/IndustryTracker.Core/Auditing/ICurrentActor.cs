namespace IndustryTracker.Core.Auditing;

/// <summary>Who is making the change being saved: a user name, or a system actor such as "import".</summary>
public interface ICurrentActor
{
    string Name { get; }
}

public sealed class SystemActor(string name) : ICurrentActor
{
    public static SystemActor Import { get; } = new("import");

    public string Name { get; } = name;
}
