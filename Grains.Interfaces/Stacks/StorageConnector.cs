namespace RegionSim.Stacks;

[GenerateSerializer, Immutable, Alias("RegionSim.StorageConnector")]
public sealed record StorageConnector
{
    [Id(0)] public StorageConnectorType? ConnectorType { get; init; }
    [Id(1)] public string? ResourceIdentifier { get; init; }
    [Id(2)] public IReadOnlyList<string>? Domains { get; init; }
    [Id(3)] public IReadOnlyList<string>? DomainsRequireAdminConsent { get; init; }
}

[GenerateSerializer]
public enum StorageConnectorType
{
    Homefolders,
    GoogleDrive,
    OneDrive,
}
