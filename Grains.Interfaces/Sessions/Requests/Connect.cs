namespace RegionSim.Sessions;

/// <summary>
/// A user opening a streaming URL (simulator-level): what the stack issued the URL for, kept by the URL's
/// <see cref="IStreamingUrlGrain"/>; the fleet decides whether it is still good.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.StreamingConnectRequest")]
public sealed record StreamingConnectRequest
{
    [Id(0)] public required string Region { get; init; }
    [Id(1)] public required string AccountId { get; init; }
    [Id(2)] public required string StackName { get; init; }
    [Id(3)] public required string FleetName { get; init; }
    [Id(4)] public required string UserId { get; init; }
    [Id(5)] public required DateTimeOffset Expires { get; init; }
    [Id(6)] public string? ApplicationId { get; init; }
    [Id(7)] public string? SessionContext { get; init; }
    [Id(8)] public AuthenticationType AuthenticationType { get; init; } = AuthenticationType.Api;
}

/// <summary>The session a connection landed in.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.StreamingConnection")]
public sealed record StreamingConnection
{
    [Id(0)] public required Session Session { get; init; }

    /// <summary>True when the user came back to a session in progress (same session, same instance).</summary>
    [Id(1)] public bool Resumed { get; init; }
}
