namespace RegionSim.Stacks;

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeStacksRequest")]
public sealed record DescribeStacksRequest
{
    [Id(0)] public IReadOnlyList<string>? Names { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeStacksResponse")]
public sealed record DescribeStacksResponse
{
    [Id(0)] public required IReadOnlyList<Stack> Stacks { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DeleteStackRequest")]
public sealed record DeleteStackRequest
{
    [Id(0)] public string? Name { get; init; }
}
