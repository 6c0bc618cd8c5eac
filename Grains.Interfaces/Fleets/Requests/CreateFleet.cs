using RegionSim.Images;

namespace RegionSim.Fleets;

[GenerateSerializer, Immutable, Alias("RegionSim.CreateFleetRequest")]
public sealed record CreateFleetRequest
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? ImageName { get; init; }
    [Id(2)] public string? ImageArn { get; init; }
    [Id(3)] public string? InstanceType { get; init; }
    [Id(4)] public FleetType? FleetType { get; init; }
    [Id(5)] public ComputeCapacity? ComputeCapacity { get; init; }
    [Id(6)] public VpcConfig? VpcConfig { get; init; }
    [Id(7)] public int? MaxUserDurationInSeconds { get; init; }
    [Id(8)] public int? DisconnectTimeoutInSeconds { get; init; }
    [Id(9)] public string? Description { get; init; }
    [Id(10)] public string? DisplayName { get; init; }
    [Id(11)] public bool? EnableDefaultInternetAccess { get; init; }
    [Id(12)] public DomainJoinInfo? DomainJoinInfo { get; init; }
    [Id(13)] public IReadOnlyDictionary<string, string>? Tags { get; init; }
    [Id(14)] public int? IdleDisconnectTimeoutInSeconds { get; init; }
    [Id(15)] public string? IamRoleArn { get; init; }
    [Id(16)] public StreamView? StreamView { get; init; }
    [Id(17)] public PlatformType? Platform { get; init; }
    [Id(18)] public int? MaxConcurrentSessions { get; init; }
    [Id(19)] public IReadOnlyList<string>? UsbDeviceFilterStrings { get; init; }
    [Id(20)] public S3Location? SessionScriptS3Location { get; init; }
    [Id(21)] public int? MaxSessionsPerInstance { get; init; }
    [Id(22)] public VolumeConfig? RootVolumeConfig { get; init; }
    [Id(23)] public bool? DisableIMDSV1 { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.CreateFleetResponse")]
public sealed record CreateFleetResponse
{
    [Id(0)] public required Fleet Fleet { get; init; }
}
