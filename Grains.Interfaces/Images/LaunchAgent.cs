namespace RegionSim.Images;

/// <summary>What decides the agent of the instances launched from an image.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.LaunchAgent")]
public sealed record LaunchAgent
{
    /// <summary>The agent the image carries.</summary>
    [Id(0)] public required string Carried { get; init; }

    /// <summary>Instances launch on the newest agent released by then rather than <see cref="Carried"/>.</summary>
    [Id(1)] public bool AlwaysLatest { get; init; }

    public static LaunchAgent Of(ImageContent content) => new() { Carried = content.AgentVersion, AlwaysLatest = content.AlwaysLatestAgent };
}
