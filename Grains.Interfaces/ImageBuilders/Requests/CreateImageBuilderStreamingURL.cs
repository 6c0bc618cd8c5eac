namespace RegionSim.ImageBuilders;

[GenerateSerializer, Immutable, Alias("RegionSim.CreateImageBuilderStreamingURLRequest")]
public sealed record CreateImageBuilderStreamingURLRequest
{
    [Id(0)] public string? Name { get; init; }

    /// <summary>Seconds, 1 to 604800; 3600 when absent.</summary>
    [Id(1)] public long? Validity { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.CreateImageBuilderStreamingURLResponse")]
public sealed record CreateImageBuilderStreamingURLResponse
{
    [Id(0)] public required string StreamingURL { get; init; }
    [Id(1)] public required DateTimeOffset Expires { get; init; }
}
