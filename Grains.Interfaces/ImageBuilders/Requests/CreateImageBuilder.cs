using RegionSim.Fleets;
using RegionSim.Stacks;

namespace RegionSim.ImageBuilders;

[GenerateSerializer, Immutable, Alias("RegionSim.CreateImageBuilderRequest")]
public sealed record CreateImageBuilderRequest
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? ImageName { get; init; }
    [Id(2)] public string? ImageArn { get; init; }
    [Id(3)] public string? InstanceType { get; init; }
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public string? DisplayName { get; init; }
    [Id(6)] public VpcConfig? VpcConfig { get; init; }
    [Id(7)] public string? IamRoleArn { get; init; }
    [Id(8)] public bool? EnableDefaultInternetAccess { get; init; }
    [Id(9)] public DomainJoinInfo? DomainJoinInfo { get; init; }

    /// <summary>A released agent version (<c>MM-DD-YYYY</c>) or <c>[LATEST]</c>; absent: the agent the image launches with.</summary>
    [Id(10)] public string? AppstreamAgentVersion { get; init; }

    [Id(11)] public IReadOnlyDictionary<string, string>? Tags { get; init; }
    [Id(12)] public IReadOnlyList<AccessEndpoint>? AccessEndpoints { get; init; }
    [Id(13)] public VolumeConfig? RootVolumeConfig { get; init; }
    [Id(14)] public bool? DisableIMDSV1 { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.CreateImageBuilderResponse")]
public sealed record CreateImageBuilderResponse
{
    [Id(0)] public required ImageBuilder ImageBuilder { get; init; }
}
