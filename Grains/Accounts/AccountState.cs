using RegionSim.Resources;

namespace RegionSim.Accounts;

[GenerateSerializer, Alias("RegionSim.AccountState")]
public sealed class AccountState
{
    /// <summary>What the account holds in each region it has used.</summary>
    [Id(0)] public Dictionary<string, AccountRegionState> Regions { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("RegionSim.AccountRegionState")]
public sealed class AccountRegionState
{
    /// <summary>The names the account owns, per kind of resource.</summary>
    [Id(0)] public Dictionary<ResourceKind, HashSet<string>> Names { get; set; } = [];

    /// <summary>The copies to this region whose destination has not yet said it is done (AVAILABLE or FAILED), by destination name.</summary>
    [Id(4)] public Dictionary<string, CopyInFlight> CopiesInFlight { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The images (by grain key) other accounts share with this one in this region.</summary>
    [Id(2)] public HashSet<string> SharedWithMe { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The names of the images that managed image updates (CreateUpdatedImage) are still CREATING.</summary>
    [Id(3)] public HashSet<string> ImageUpdatesInFlight { get; set; } = new(StringComparer.Ordinal);

    public HashSet<string> NamesOf(ResourceKind kind) =>
        Names.TryGetValue(kind, out var names) ? names : Names[kind] = new HashSet<string>(StringComparer.Ordinal);
}
