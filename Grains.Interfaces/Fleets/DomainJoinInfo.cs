namespace RegionSim.Fleets;

[GenerateSerializer, Immutable, Alias("RegionSim.DomainJoinInfo")]
public sealed record DomainJoinInfo
{
    [Id(0)] public string? DirectoryName { get; init; }
    [Id(1)] public string? OrganizationalUnitDistinguishedName { get; init; }
}
