namespace RegionSim.Images;

/// <summary>
/// What an image is made of. Images are immutable: this never changes after the image exists, and a
/// copy carries it unchanged to the destination.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageContent")]
public sealed record ImageContent
{
    [Id(0)] public required PlatformType Platform { get; init; }

    /// <summary>The agent version the image carries, e.g. <c>09-06-2023</c>.</summary>
    [Id(1)] public required string AgentVersion { get; init; }

    /// <summary>Instances launched from the image run the newest agent rather than <see cref="AgentVersion"/>.</summary>
    [Id(2)] public bool AlwaysLatestAgent { get; init; }

    [Id(3)] public IReadOnlyList<Application> Applications { get; init; } = [];

    /// <summary>The public base image this one descends from (itself, for a base image).</summary>
    [Id(4)] public string? BaseImageArn { get; init; }

    [Id(5)] public DateTimeOffset? PublicBaseImageReleasedDate { get; init; }

    /// <summary>The builder the image was created on; empty for base images and their copies' origin.</summary>
    [Id(6)] public string? ImageBuilderName { get; init; }

    [Id(7)] public bool ImageBuilderSupported { get; init; } = true;

    [Id(8)] public WindowsDefenderDefault WindowsDefender { get; init; } = WindowsDefenderDefault.NotIncluded;

    /// <summary>Always off in an image: Image Assistant turns Windows Update off when it creates one.</summary>
    [Id(9)] public bool WindowsUpdateEnabled { get; init; }

    [Id(10)] public bool DynamicAppProvidersEnabled { get; init; }

    /// <summary>When the operating system last received its updates (a base image: its publication).</summary>
    [Id(11)] public DateTimeOffset? OperatingSystemUpdatedOn { get; init; }

    /// <summary>Antivirus software installed on the builder the image was made on.</summary>
    [Id(12)] public ImageBuilders.Antivirus? Antivirus { get; init; }

    /// <summary>Files installed beyond what the operating system ships (path to content), as the builder held them.</summary>
    [Id(13)] public IReadOnlyDictionary<string, string>? InstalledFiles { get; init; }
}
