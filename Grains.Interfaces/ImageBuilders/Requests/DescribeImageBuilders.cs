namespace RegionSim.ImageBuilders;

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeImageBuildersRequest")]
public sealed record DescribeImageBuildersRequest
{
    [Id(0)] public IReadOnlyList<string>? Names { get; init; }
    [Id(1)] public int? MaxResults { get; init; }
    [Id(2)] public string? NextToken { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeImageBuildersResponse")]
public sealed record DescribeImageBuildersResponse
{
    [Id(0)] public required IReadOnlyList<ImageBuilder> ImageBuilders { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}
