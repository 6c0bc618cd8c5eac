namespace RegionSim.Sessions;

[GenerateSerializer, Alias("RegionSim.StreamingUrlState")]
public sealed class StreamingUrlState
{
    [Id(0)] public bool Issued { get; set; }

    /// <summary>For a URL made by CreateStreamingURL: whose session it opens.</summary>
    [Id(1)] public StreamingConnectRequest? Session { get; set; }

    /// <summary>For a URL made by CreateImageBuilderStreamingURL: the builder's key.</summary>
    [Id(2)] public string? ImageBuilder { get; set; }
    [Id(3)] public DateTimeOffset Expires { get; set; }
    [Id(4)] public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>The session the URL opened, if it opened one.</summary>
    [Id(5)] public string? SessionId { get; set; }
}
