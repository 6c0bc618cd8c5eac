namespace RegionSim.Network;

/// <summary>An interface VPC endpoint through which administrators or users connect.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.AccessEndpoint")]
public sealed record AccessEndpoint
{
    [Id(0)] public AccessEndpointType? EndpointType { get; init; }
    [Id(1)] public string? VpceId { get; init; }
}
