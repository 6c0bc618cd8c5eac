namespace RegionSim.Images;

[GenerateSerializer, Immutable, Alias("RegionSim.CopyImageRequest")]
public sealed record CopyImageRequest
{
    [Id(0)] public string? SourceImageName { get; init; }
    [Id(1)] public string? DestinationImageName { get; init; }
    [Id(2)] public string? DestinationRegion { get; init; }
    [Id(3)] public string? DestinationImageDescription { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.CopyImageResponse")]
public sealed record CopyImageResponse
{
    [Id(0)] public required string DestinationImageName { get; init; }
}

/// <summary>What the source image hands its copy: the content, the description and where it came from.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageCopy")]
public sealed record ImageCopy
{
    [Id(0)] public required ImageContent Content { get; init; }
    [Id(1)] public required string SourceArn { get; init; }
    [Id(2)] public string? DisplayName { get; init; }
    [Id(3)] public string? Description { get; init; }
}
