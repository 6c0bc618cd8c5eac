using RegionSim.Images;
using RegionSim.Fleets;
using RegionSim.Network;
using RegionSim.Stacks;

namespace RegionSim.ImageBuilders;

/// <summary>
/// An image builder as DescribeImageBuilders shows it: the wire's <c>ImageBuilder</c> shape.
/// <c>ImageBuilderErrors</c> is left out: the simulator never reports builder errors.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageBuilder")]
public sealed record ImageBuilder
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public string? Arn { get; init; }
    [Id(2)] public string? ImageArn { get; init; }
    [Id(3)] public string? Description { get; init; }
    [Id(4)] public string? DisplayName { get; init; }
    [Id(5)] public VpcConfig? VpcConfig { get; init; }
    [Id(6)] public string? InstanceType { get; init; }
    [Id(7)] public PlatformType? Platform { get; init; }
    [Id(8)] public string? IamRoleArn { get; init; }
    [Id(9)] public ImageBuilderState? State { get; init; }
    [Id(10)] public ImageBuilderStateChangeReason? StateChangeReason { get; init; }
    [Id(11)] public DateTimeOffset? CreatedTime { get; init; }
    [Id(12)] public bool? EnableDefaultInternetAccess { get; init; }
    [Id(13)] public DomainJoinInfo? DomainJoinInfo { get; init; }
    [Id(14)] public NetworkAccessConfiguration? NetworkAccessConfiguration { get; init; }

    /// <summary>The agent the builder runs now (during UPDATING_AGENT, still the one it is leaving).</summary>
    [Id(15)] public string? AppstreamAgentVersion { get; init; }

    [Id(16)] public IReadOnlyList<AccessEndpoint>? AccessEndpoints { get; init; }
    [Id(17)] public VolumeConfig? RootVolumeConfig { get; init; }

    /// <summary><c>TRUE</c> when the builder runs the newest agent released by now, else <c>FALSE</c>.</summary>
    [Id(18)] public string? LatestAppstreamAgentVersion { get; init; }

    [Id(19)] public bool? DisableIMDSV1 { get; init; }
}
