namespace RegionSim.Network;

/// <summary>The subnets and security groups of a fleet or image builder (an image builder takes one subnet).</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.VpcConfig")]
public sealed record VpcConfig
{
    [Id(0)] public IReadOnlyList<string>? SubnetIds { get; init; }
    [Id(1)] public IReadOnlyList<string>? SecurityGroupIds { get; init; }
}
