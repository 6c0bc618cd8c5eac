namespace RegionSim.Fleets;

/// <summary>The subnets and security groups of a fleet's (or builder's) network interfaces.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.VpcConfig")]
public sealed record VpcConfig
{
    [Id(0)] public IReadOnlyList<string>? SubnetIds { get; init; }
    [Id(1)] public IReadOnlyList<string>? SecurityGroupIds { get; init; }
}
