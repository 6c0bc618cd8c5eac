namespace RegionSim.Network;

/// <summary>The network interface of a running image builder or streaming instance.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.NetworkAccessConfiguration")]
public sealed record NetworkAccessConfiguration
{
    [Id(0)] public string? EniPrivateIpAddress { get; init; }
    [Id(1)] public IReadOnlyList<string>? EniIpv6Addresses { get; init; }
    [Id(2)] public string? EniId { get; init; }
}
