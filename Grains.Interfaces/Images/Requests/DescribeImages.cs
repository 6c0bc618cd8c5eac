namespace RegionSim.Images;

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeImagesRequest")]
public sealed record DescribeImagesRequest
{
    [Id(0)] public IReadOnlyList<string>? Names { get; init; }
    [Id(1)] public IReadOnlyList<string>? Arns { get; init; }
    [Id(2)] public VisibilityType? Type { get; init; }
    [Id(3)] public string? NextToken { get; init; }
    [Id(4)] public int? MaxResults { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeImagesResponse")]
public sealed record DescribeImagesResponse
{
    [Id(0)] public required IReadOnlyList<Image> Images { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}
