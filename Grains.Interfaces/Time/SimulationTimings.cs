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

    /// <summary>CreateImageBuilder from PENDING to RUNNING.</summary>
    [Id(3)] public TimeSpan ImageBuilderLaunch { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>StartImageBuilder from PENDING to RUNNING.</summary>
    [Id(4)] public TimeSpan ImageBuilderStart { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>An image builder in UPDATING_AGENT, installing a newer agent.</summary>
    [Id(5)] public TimeSpan ImageBuilderAgentUpdate { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>StopImageBuilder from STOPPING to STOPPED.</summary>
    [Id(6)] public TimeSpan ImageBuilderStop { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Image Assistant's create-image: the builder SNAPSHOTTING before it is STOPPED.</summary>
    [Id(7)] public TimeSpan ImageBuilderSnapshot { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A builder REBOOTING.</summary>
    [Id(8)] public TimeSpan ImageBuilderReboot { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>A builder UPDATING, installing Windows updates (it reboots afterwards).</summary>
    [Id(9)] public TimeSpan ImageBuilderWindowsUpdate { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>DeleteImageBuilder from DELETING to gone.</summary>
    [Id(10)] public TimeSpan ImageBuilderDeletion { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>CreateUpdatedImage: the new image CREATING before it is AVAILABLE.</summary>
    [Id(11)] public TimeSpan ManagedImageUpdate { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>
    /// How long past its copy time an account waits before it asks the destination of a copy still in flight
    /// what became of it (a silo's death may have cut the hand-over or the copy's end short).
    /// </summary>
    [Id(12)] public TimeSpan ImageCopyGrace { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How soon a grain tries again work a silo's death interrupted (telling fleets of a revocation, a wake-up that did not arrive).</summary>
    [Id(13)] public TimeSpan InterruptedWorkRetry { get; init; } = TimeSpan.FromMinutes(1);

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

    /// <summary><see cref="InterruptedWorkRetry"/>, never zero: work retried at the same instant would keep the clock there for ever.</summary>
    public TimeSpan RetryAfter => InterruptedWorkRetry > TimeSpan.Zero ? InterruptedWorkRetry : TimeSpan.FromSeconds(1);

    public static SimulationTimings Default { get; } = new();
}
