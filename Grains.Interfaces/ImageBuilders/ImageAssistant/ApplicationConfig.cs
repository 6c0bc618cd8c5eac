namespace RegionSim.ImageBuilders;

/// <summary>
/// An application in an image builder's catalogue, as Image Assistant's add-application takes it; the
/// members are those of the wire's <c>ApplicationConfig</c> shape.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ApplicationConfig")]
public sealed record ApplicationConfig
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public string? DisplayName { get; init; }
    [Id(2)] public required string AbsoluteAppPath { get; init; }
    [Id(3)] public string? AbsoluteIconPath { get; init; }
    [Id(4)] public string? AbsoluteManifestPath { get; init; }
    [Id(5)] public string? WorkingDirectory { get; init; }
    [Id(6)] public string? LaunchParameters { get; init; }
}
