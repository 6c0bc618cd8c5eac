namespace RegionSim.Sessions;

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeSessionsRequest")]
public sealed record DescribeSessionsRequest
{
    [Id(0)] public string? StackName { get; init; }
    [Id(1)] public string? FleetName { get; init; }
    [Id(2)] public string? UserId { get; init; }
    [Id(3)] public string? NextToken { get; init; }
    [Id(4)] public int? Limit { get; init; }
    [Id(5)] public AuthenticationType? AuthenticationType { get; init; }
    [Id(6)] public string? InstanceId { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeSessionsResponse")]
public sealed record DescribeSessionsResponse
{
    [Id(0)] public required IReadOnlyList<Session> Sessions { get; init; }
    [Id(1)] public string? NextToken { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.ExpireSessionRequest")]
public sealed record ExpireSessionRequest
{
    [Id(0)] public string? SessionId { get; init; }
}
