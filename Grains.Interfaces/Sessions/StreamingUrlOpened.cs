using RegionSim.ImageBuilders;

namespace RegionSim.Sessions;

/// <summary>What opening a streaming URL led to: a session on a fleet, or a connection to an image builder.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.StreamingUrlOpened")]
public sealed record StreamingUrlOpened
{
    /// <summary>The user's session, for a URL made by CreateStreamingURL.</summary>
    [Id(0)] public StreamingConnection? Session { get; init; }

    /// <summary>The builder connected to, for a URL made by CreateImageBuilderStreamingURL.</summary>
    [Id(1)] public ImageBuilder? ImageBuilder { get; init; }
}
