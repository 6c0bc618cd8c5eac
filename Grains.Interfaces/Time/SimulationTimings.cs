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

    // Fleets (ids from 20 on, so that other additions never collide with these).

    /// <summary>A fleet instance from provisioning to available, including the replacement of a terminated one.</summary>
    [Id(20)] public TimeSpan FleetInstanceProvisioning { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>An ON_DEMAND instance from stopped to streaming once a user connects (AWS: 1-2 minutes).</summary>
    [Id(21)] public TimeSpan OnDemandInstanceStart { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>An ELASTIC fleet's instance, taken from the pool when a user connects, until it streams.</summary>
    [Id(22)] public TimeSpan ElasticInstanceStart { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>StartFleet: STARTING until RUNNING.</summary>
    [Id(23)] public TimeSpan FleetStart { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>StopFleet: STOPPING until STOPPED.</summary>
    [Id(24)] public TimeSpan FleetStop { get; init; } = TimeSpan.FromMinutes(5);

    public static SimulationTimings Default { get; } = new();
}
