namespace RegionSim.Images;

/// <summary>
/// The Image Registry of one account in one region, in the four views the console shows: Public
/// (AWS's), Private (mine, unshared), Shared with others (mine, shared) and Shared with me.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageRegistry")]
public sealed record ImageRegistry
{
    [Id(0)] public required IReadOnlyList<Image> Public { get; init; }
    [Id(1)] public required IReadOnlyList<Image> Private { get; init; }
    [Id(2)] public required IReadOnlyList<Image> SharedWithOthers { get; init; }
    [Id(3)] public required IReadOnlyList<Image> SharedWithMe { get; init; }
}
