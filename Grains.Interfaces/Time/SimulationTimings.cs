namespace RegionSim.Time;

/// <summary>
/// How long simulated work takes. Every duration may be zero; a transition due at once happens
/// inside the call that starts it.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.SimulationTimings")]
public sealed record SimulationTimings
{
    /// <summary>A CopyImage from COPYING to AVAILABLE.</summary>
    [Id(0)] public TimeSpan ImageCopy { get; init; } = TimeSpan.FromMinutes(25);

    /// <summary>A DeleteImage from DELETING to gone.</summary>
    [Id(1)] public TimeSpan ImageDeletion { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A new image from PENDING (or CREATING) to AVAILABLE.</summary>
    [Id(2)] public TimeSpan ImageCreation { get; init; } = TimeSpan.FromMinutes(20);

    public static SimulationTimings Default { get; } = new();
}
