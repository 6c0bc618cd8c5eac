namespace RegionSim.Sessions;

[GenerateSerializer, Immutable, Alias("RegionSim.CreateStreamingURLRequest")]
public sealed record CreateStreamingURLRequest
{
    [Id(0)] public string? StackName { get; init; }
    [Id(1)] public string? FleetName { get; init; }
    [Id(2)] public string? UserId { get; init; }
    [Id(3)] public string? ApplicationId { get; init; }

    /// <summary>Seconds the URL stays valid: 1-604800, default 60.</summary>
    [Id(4)] public long? Validity { get; init; }
    [Id(5)] public string? SessionContext { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.CreateStreamingURLResponse")]
public sealed record CreateStreamingURLResponse
{
    [Id(0)] public required string StreamingURL { get; init; }
    [Id(1)] public required DateTimeOffset Expires { get; init; }
}
