namespace RegionSim.Images;

/// <summary>What a fleet takes from the image that admits it.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.AdmittedImage")]
public sealed record AdmittedImage
{
    /// <summary>The image as the fleet's account sees it.</summary>
    [Id(0)] public required Image View { get; init; }

    /// <summary>What decides the agent the fleet's instances launch on.</summary>
    [Id(1)] public required LaunchAgent Agent { get; init; }
}
