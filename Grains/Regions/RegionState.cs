namespace RegionSim.Regions;

[GenerateSerializer, Alias("RegionSim.RegionState")]
public sealed class RegionState
{
    /// <summary>Limits set for instance types (others have the default limit).</summary>
    [Id(0)] public Dictionary<string, int> Limits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Instances leased per instance type, and per holder and instance type, as regions stored them before
    /// their holders were numbered. Read once, when such a region activates; the totals per type are worked
    /// out from <see cref="HeldByNumber"/> since.
    /// </summary>
    [Id(1)] public Dictionary<string, int> InUse { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public Dictionary<string, int> Held { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Instances leased by each holder of <see cref="RegionHoldersState"/>, by its number (see <c>HeldSlots</c>), so that no holder gives back more than it has.</summary>
    [Id(3)] public List<int> HeldByNumber { get; set; } = [];
}
