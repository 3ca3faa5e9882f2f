using IndustryTracker.Core.Text;

namespace IndustryTracker.Core.Companies;

/// <summary>Another name a company goes by: "AWS" for Amazon Web Services, "CNPC", a former name.</summary>
public sealed class CompanyAlias
{
    private CompanyAlias()
    {
        Name = string.Empty;
        NameKey = string.Empty;
    }

    public CompanyAlias(string name, AliasKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Kind = kind;
        NameKey = CompanyNames.Key(Name);
    }

    public int Id { get; private set; }
    public int CompanyId { get; private set; }
    public string Name { get; private set; }
    public AliasKind Kind { get; private set; }

    /// <summary>Normalized form used for matching; see <see cref="CompanyNames.Key"/>.</summary>
    public string NameKey { get; private set; }

    /// <summary>Same name key, new spelling or kind (an editor's correction).</summary>
    internal void Revise(string name, AliasKind kind)
    {
        if (Name != name)
        {
            Name = name;
        }
        if (Kind != kind)
        {
            Kind = kind;
        }
    }
}
