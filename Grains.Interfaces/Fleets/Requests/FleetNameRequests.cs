namespace RegionSim.Fleets;

/// <summary>DeleteFleet: the request names the fleet; the answer is empty.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.DeleteFleetRequest")]
public sealed record DeleteFleetRequest
{
    [Id(0)] public string? Name { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.StartFleetRequest")]
public sealed record StartFleetRequest
{
    [Id(0)] public string? Name { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.StopFleetRequest")]
public sealed record StopFleetRequest
{
    [Id(0)] public string? Name { get; init; }
}
