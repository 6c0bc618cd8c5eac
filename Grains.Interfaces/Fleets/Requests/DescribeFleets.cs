namespace RegionSim.Fleets;

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeFleetsRequest")]
public sealed record DescribeFleetsRequest
{
    [Id(0)] public IReadOnlyList<string>? Names { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeFleetsResponse")]
public sealed record DescribeFleetsResponse
{
    [Id(0)] public required IReadOnlyList<Fleet> Fleets { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}
