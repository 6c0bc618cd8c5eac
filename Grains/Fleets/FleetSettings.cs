using RegionSim.Images;

namespace RegionSim.Fleets;

/// <summary>What CreateFleet and UpdateFleet set: the fleet's attributes, apart from its capacity and state.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.FleetSettings")]
public sealed record FleetSettings
{
    public const int DefaultMaxUserDurationInSeconds = 57600;
    public const int DefaultDisconnectTimeoutInSeconds = 900;

    [Id(0)] public required string InstanceType { get; init; }
    [Id(1)] public required FleetType FleetType { get; init; }
    [Id(2)] public string? DisplayName { get; init; }
    [Id(3)] public string? Description { get; init; }

    /// <summary>The image's name and ARN as the account sees them, and its grain key; null for ELASTIC fleets.</summary>
    [Id(4)] public string? ImageName { get; init; }
    [Id(5)] public string? ImageArn { get; init; }
    [Id(6)] public string? ImageKey { get; init; }

    /// <summary>The image's applications: the software every instance starts with.</summary>
    [Id(7)] public IReadOnlyList<string> ImageSoftware { get; init; } = [];
    [Id(8)] public int MaxUserDurationInSeconds { get; init; } = DefaultMaxUserDurationInSeconds;
    [Id(9)] public int DisconnectTimeoutInSeconds { get; init; } = DefaultDisconnectTimeoutInSeconds;
    [Id(10)] public int IdleDisconnectTimeoutInSeconds { get; init; }
    [Id(11)] public VpcConfig? VpcConfig { get; init; }
    [Id(12)] public bool EnableDefaultInternetAccess { get; init; }
    [Id(13)] public DomainJoinInfo? DomainJoinInfo { get; init; }
    [Id(14)] public string? IamRoleArn { get; init; }
    [Id(15)] public StreamView StreamView { get; init; } = StreamView.App;
    [Id(16)] public PlatformType? Platform { get; init; }
    [Id(17)] public int? MaxConcurrentSessions { get; init; }
    [Id(18)] public IReadOnlyList<string>? UsbDeviceFilterStrings { get; init; }
    [Id(19)] public S3Location? SessionScriptS3Location { get; init; }
    [Id(20)] public VolumeConfig? RootVolumeConfig { get; init; }
    [Id(21)] public bool? DisableIMDSV1 { get; init; }

    /// <summary>What decides the agent of the instances launched from the image; null for ELASTIC fleets.</summary>
    [Id(22)] public LaunchAgent? ImageAgent { get; init; }
}
