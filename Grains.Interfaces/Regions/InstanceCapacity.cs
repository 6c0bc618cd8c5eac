namespace RegionSim.Regions;

/// <summary>A holder (a fleet, by grain key) asking for, or giving back, instances of one type in a region.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.InstanceLease")]
public sealed record InstanceLease
{
    [Id(0)] public required string Holder { get; init; }
    [Id(1)] public required string InstanceType { get; init; }
    [Id(2)] public required int Count { get; init; }
}

/// <summary>How many instances of a type a region can run at once, and how many are leased.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.InstanceCapacity")]
public sealed record InstanceCapacity
{
    [Id(0)] public required string InstanceType { get; init; }
    [Id(1)] public required int Limit { get; init; }
    [Id(2)] public required int InUse { get; init; }
}
