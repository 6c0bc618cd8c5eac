namespace RegionSim.Regions;

[GenerateSerializer, Alias("RegionSim.RegionState")]
public sealed class RegionState
{
    /// <summary>Limits set for instance types (others have the default limit).</summary>
    [Id(0)] public Dictionary<string, int> Limits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Instances leased, per instance type.</summary>
    [Id(1)] public Dictionary<string, int> InUse { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Instances leased per holder and instance type, as regions stored them before their holders were
    /// numbered. Read once, into <see cref="HeldByNumber"/>, when such a region activates.
    /// </summary>
    [Id(2)] public Dictionary<string, int> Held { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Instances leased by each holder of <see cref="RegionHoldersState"/>, by its number, so that no holder gives back more than it has.</summary>
    [Id(3)] public List<int> HeldByNumber { get; set; } = [];
}
