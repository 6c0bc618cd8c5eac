namespace RegionSim.Stacks;

[GenerateSerializer, Immutable, Alias("RegionSim.StackError")]
public sealed record StackError
{
    [Id(0)] public StackErrorCode? ErrorCode { get; init; }
    [Id(1)] public string? ErrorMessage { get; init; }
}

[GenerateSerializer]
public enum StackErrorCode
{
    StorageConnectorError,
    InternalServiceError,
}
