namespace RegionSim.Fleets;

[GenerateSerializer, Immutable, Alias("RegionSim.AssociateFleetRequest")]
public sealed record AssociateFleetRequest
{
    [Id(0)] public string? FleetName { get; init; }
    [Id(1)] public string? StackName { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DisassociateFleetRequest")]
public sealed record DisassociateFleetRequest
{
    [Id(0)] public string? FleetName { get; init; }
    [Id(1)] public string? StackName { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.ListAssociatedStacksRequest")]
public sealed record ListAssociatedStacksRequest
{
    [Id(0)] public string? FleetName { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.ListAssociatedFleetsRequest")]
public sealed record ListAssociatedFleetsRequest
{
    [Id(0)] public string? StackName { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}

/// <summary>The answer of ListAssociatedStacks and ListAssociatedFleets.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ListAssociatedNamesResponse")]
public sealed record ListAssociatedNamesResponse
{
    [Id(0)] public required IReadOnlyList<string> Names { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}
