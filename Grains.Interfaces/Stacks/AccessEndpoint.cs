namespace RegionSim.Stacks;

[GenerateSerializer, Immutable, Alias("RegionSim.AccessEndpoint")]
public sealed record AccessEndpoint
{
    [Id(0)] public AccessEndpointType? EndpointType { get; init; }
    [Id(1)] public string? VpceId { get; init; }
}

[GenerateSerializer]
public enum AccessEndpointType
{
    Streaming,
}
