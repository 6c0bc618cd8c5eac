using RegionSim.Images;

namespace RegionSim.Fleets;

/// <summary>A fleet as DescribeFleets shows it: the wire's <c>Fleet</c> shape.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.Fleet")]
public sealed record Fleet
{
    [Id(0)] public required string Arn { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? DisplayName { get; init; }
    [Id(3)] public string? Description { get; init; }
    [Id(4)] public string? ImageName { get; init; }
    [Id(5)] public string? ImageArn { get; init; }
    [Id(6)] public required string InstanceType { get; init; }
    [Id(7)] public FleetType? FleetType { get; init; }
    [Id(8)] public required ComputeCapacityStatus ComputeCapacityStatus { get; init; }
    [Id(9)] public int? MaxUserDurationInSeconds { get; init; }
    [Id(10)] public int? DisconnectTimeoutInSeconds { get; init; }
    [Id(11)] public required FleetState State { get; init; }
    [Id(12)] public VpcConfig? VpcConfig { get; init; }
    [Id(13)] public DateTimeOffset? CreatedTime { get; init; }
    [Id(14)] public IReadOnlyList<FleetError>? FleetErrors { get; init; }
    [Id(15)] public bool? EnableDefaultInternetAccess { get; init; }
    [Id(16)] public DomainJoinInfo? DomainJoinInfo { get; init; }
    [Id(17)] public int? IdleDisconnectTimeoutInSeconds { get; init; }
    [Id(18)] public string? IamRoleArn { get; init; }
    [Id(19)] public StreamView? StreamView { get; init; }
    [Id(20)] public PlatformType? Platform { get; init; }
    [Id(21)] public int? MaxConcurrentSessions { get; init; }
    [Id(22)] public IReadOnlyList<string>? UsbDeviceFilterStrings { get; init; }
    [Id(23)] public S3Location? SessionScriptS3Location { get; init; }
    [Id(24)] public int? MaxSessionsPerInstance { get; init; }
    [Id(25)] public VolumeConfig? RootVolumeConfig { get; init; }
    [Id(26)] public bool? DisableIMDSV1 { get; init; }
}
