namespace RegionSim.Fleets;

[GenerateSerializer, Immutable, Alias("RegionSim.FleetError")]
public sealed record FleetError
{
    [Id(0)] public FleetErrorCode? ErrorCode { get; init; }
    [Id(1)] public string? ErrorMessage { get; init; }
}
