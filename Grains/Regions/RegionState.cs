namespace RegionSim.Regions;

[GenerateSerializer, Alias("RegionSim.RegionState")]
public sealed class RegionState
{
    /// <summary>Limits set for instance types (others have the default limit).</summary>
    [Id(0)] public Dictionary<string, int> Limits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Instances leased, per instance type.</summary>
    [Id(1)] public Dictionary<string, int> InUse { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Instances leased, per holder and instance type (<c>holder\ninstanceType</c>), so that no holder gives back more than it has.</summary>
    [Id(2)] public Dictionary<string, int> Held { get; set; } = new(StringComparer.Ordinal);
}
