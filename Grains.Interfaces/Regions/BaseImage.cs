using RegionSim.Images;

namespace RegionSim.Regions;

/// <summary>A public base image AWS publishes in a region, as the base image version history lists it.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.BaseImage")]
public sealed record BaseImage
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required PlatformType Platform { get; init; }
    [Id(2)] public required DateTimeOffset PublishedOn { get; init; }
    [Id(3)] public required string AgentVersion { get; init; }
    [Id(4)] public required WindowsDefenderDefault WindowsDefender { get; init; }
    [Id(5)] public required string Description { get; init; }
    [Id(6)] public string? DisplayName { get; init; }
}
