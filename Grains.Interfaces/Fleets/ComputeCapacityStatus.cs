namespace RegionSim.Fleets;

/// <summary>
/// A fleet's capacity as its instances are right now: <see cref="Running"/> instances are provisioned
/// (for ON_DEMAND fleets they wait stopped), <see cref="InUse"/> of them host a session, the rest are
/// <see cref="Available"/>. Always counted from the instances, never kept as separate numbers.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ComputeCapacityStatus")]
public sealed record ComputeCapacityStatus
{
    [Id(0)] public required int Desired { get; init; }
    [Id(1)] public int? Running { get; init; }
    [Id(2)] public int? InUse { get; init; }
    [Id(3)] public int? Available { get; init; }
}
