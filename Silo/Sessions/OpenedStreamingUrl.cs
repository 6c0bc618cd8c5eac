using RegionSim.ImageBuilders;

namespace RegionSim.Silo.Sessions;

/// <summary>What opening a streaming URL led to: the user's session (CreateStreamingURL), or the image builder connected to (CreateImageBuilderStreamingURL).</summary>
public sealed record OpenedStreamingUrl
{
    public StreamingSessionView? Session { get; init; }
    public ImageBuilder? ImageBuilder { get; init; }
}
