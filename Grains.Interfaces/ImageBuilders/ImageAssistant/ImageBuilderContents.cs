using RegionSim.Images;

namespace RegionSim.ImageBuilders;

/// <summary>What a builder holds, as a person connected to it would find it.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageBuilderContents")]
public sealed record ImageBuilderContents
{
    [Id(0)] public required PlatformType Platform { get; init; }
    [Id(1)] public required string AgentVersion { get; init; }
    [Id(2)] public required IReadOnlyList<ApplicationConfig> Applications { get; init; }

    /// <summary>The Windows user (<c>domain\user</c>) whose profile was last copied to the default user profile; null: the image's own default.</summary>
    [Id(3)] public string? DefaultProfileCopiedFrom { get; init; }

    /// <summary>The Windows user profiles on the builder (<c>domain\user</c>).</summary>
    [Id(4)] public required IReadOnlyList<string> UserProfiles { get; init; }

    [Id(5)] public bool WindowsUpdateEnabled { get; init; }
    [Id(6)] public Antivirus? Antivirus { get; init; }
    [Id(7)] public required WindowsDefender WindowsDefender { get; init; }

    /// <summary>When the operating system last received its updates.</summary>
    [Id(8)] public DateTimeOffset? OperatingSystemUpdatedOn { get; init; }

    /// <summary>The files installed on the builder beyond what its operating system ships.</summary>
    [Id(9)] public required IReadOnlyList<string> InstalledFiles { get; init; }
}
