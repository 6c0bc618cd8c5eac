namespace RegionSim.Fleets;

/// <summary>The capacity asked of an ALWAYS_ON or ON_DEMAND fleet.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ComputeCapacity")]
public sealed record ComputeCapacity
{
    [Id(0)] public int? DesiredInstances { get; init; }

    /// <summary>For multi-session fleets only, which this simulator does not model.</summary>
    [Id(1)] public int? DesiredSessions { get; init; }
}
