namespace RegionSim.Regions;

/// <summary>
/// Every holder of a region's instance slots, with the instance type it holds (<c>holder\ninstanceType</c>),
/// numbered in the order it first held any. Stored apart from <see cref="RegionState"/> and written only
/// when a holder is added, so that the counts written at every lease and return stay a short list of numbers.
/// </summary>
[GenerateSerializer, Alias("RegionSim.RegionHoldersState")]
public sealed class RegionHoldersState
{
    [Id(0)] public List<string> Holders { get; set; } = [];
}
