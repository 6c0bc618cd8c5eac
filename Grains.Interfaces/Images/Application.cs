namespace RegionSim.Images;

/// <summary>An application in an image's catalogue, as the wire's <c>Application</c> shape carries it.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.Application")]
public sealed record Application
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public string? DisplayName { get; init; }
    [Id(2)] public string? IconURL { get; init; }
    [Id(3)] public string? LaunchPath { get; init; }
    [Id(4)] public string? LaunchParameters { get; init; }
    [Id(5)] public bool? Enabled { get; init; }
    [Id(6)] public string? WorkingDirectory { get; init; }
    [Id(7)] public string? Description { get; init; }
    [Id(8)] public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
