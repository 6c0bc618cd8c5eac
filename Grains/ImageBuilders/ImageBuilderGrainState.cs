using RegionSim.Images;
using RegionSim.Fleets;
using RegionSim.Stacks;

namespace RegionSim.ImageBuilders;

[GenerateSerializer, Alias("RegionSim.ImageBuilderGrainState")]
public sealed class ImageBuilderGrainState
{
    [Id(0)] public bool Exists { get; set; }

    /// <summary>The image the builder was launched from, and what it held then (the builder keeps it, whatever happens to the image).</summary>
    [Id(1)] public string? ImageArn { get; set; }
    [Id(2)] public ImageContent? Source { get; set; }

    [Id(3)] public string? Description { get; set; }
    [Id(4)] public string? DisplayName { get; set; }
    [Id(5)] public string InstanceType { get; set; } = "";
    [Id(6)] public VpcConfig? VpcConfig { get; set; }
    [Id(7)] public string? IamRoleArn { get; set; }
    [Id(8)] public bool? EnableDefaultInternetAccess { get; set; }
    [Id(9)] public DomainJoinInfo? DomainJoinInfo { get; set; }
    [Id(10)] public IReadOnlyList<AccessEndpoint>? AccessEndpoints { get; set; }
    [Id(11)] public VolumeConfig? RootVolumeConfig { get; set; }
    [Id(12)] public bool? DisableIMDSV1 { get; set; }
    [Id(13)] public Dictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);
    [Id(14)] public DateTimeOffset CreatedTime { get; set; }

    [Id(15)] public ImageBuilderState State { get; set; }
    [Id(16)] public ImageBuilderStateChangeReason? StateChangeReason { get; set; }

    /// <summary>When the timed state the builder is in ends.</summary>
    [Id(17)] public DateTimeOffset? TransitionDue { get; set; }

    /// <summary>The agent the builder runs, and the one it installs (UPDATING_AGENT) once PENDING ends.</summary>
    [Id(18)] public string AgentVersion { get; set; } = "";
    [Id(19)] public string? TargetAgentVersion { get; set; }

    [Id(20)] public List<ApplicationConfig> Applications { get; set; } = [];
    [Id(21)] public string? DefaultProfileCopiedFrom { get; set; }

    /// <summary>Local Windows user profiles (<c>.\user</c>); domain users' profiles come with the domain.</summary>
    [Id(22)] public HashSet<string> LocalProfiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [Id(23)] public bool WindowsUpdateEnabled { get; set; }
    [Id(24)] public Antivirus? Antivirus { get; set; }
    [Id(25)] public WindowsDefender Defender { get; set; } = new();
    [Id(26)] public DateTimeOffset? OperatingSystemUpdatedOn { get; set; }

    /// <summary>Files installed beyond what the operating system ships: path to content.</summary>
    [Id(27)] public Dictionary<string, string> InstalledFiles { get; set; } = new(StringComparer.Ordinal);
}
