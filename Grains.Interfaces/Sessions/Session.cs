namespace RegionSim.Sessions;

/// <summary>A streaming session as DescribeSessions shows it: the wire's <c>Session</c> shape.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.Session")]
public sealed record Session
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string UserId { get; init; }
    [Id(2)] public required string StackName { get; init; }
    [Id(3)] public required string FleetName { get; init; }
    [Id(4)] public required SessionState State { get; init; }
    [Id(5)] public SessionConnectionState? ConnectionState { get; init; }

    /// <summary>When a streaming instance was dedicated to the user.</summary>
    [Id(6)] public DateTimeOffset? StartTime { get; init; }
    [Id(7)] public DateTimeOffset? MaxExpirationTime { get; init; }
    [Id(8)] public AuthenticationType? AuthenticationType { get; init; }
    [Id(9)] public string? InstanceId { get; init; }
}
