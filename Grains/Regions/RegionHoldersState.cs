namespace RegionSim.Regions;

/// <summary>
/// The holders of a region's instance slots, with the instance type each holds (<c>holder\ninstanceType</c>),
/// by number: the numbers <see cref="RegionState.HeldByNumber"/> counts under. Stored apart from it and
/// written only when a holder is added or takes over the number of one that holds nothing, so that the
/// counts written at every lease and return stay a short list of numbers.
/// </summary>
[GenerateSerializer, Alias("RegionSim.RegionHoldersState")]
public sealed class RegionHoldersState
{
    [Id(0)] public List<string> Holders { get; set; } = [];
}
