using RegionSim.Fleets;
using RegionSim.Scaling;
using RegionSim.Simulation;
using RegionSim.Time;

namespace RegionSim.Client.Simulation.Scenarios;

/// <summary>A scenario checked and expanded: every account id, image, fleet and event spelled out.</summary>
public sealed record ScenarioPlan
{
    public required string Name { get; init; }
    public required string File { get; init; }
    public required int Seed { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required TimeSpan Duration { get; init; }
    public required TimeSpan Step { get; init; }
    public required SimulationTimings Timings { get; init; }
    public required IReadOnlyList<PlannedRegion> Regions { get; init; }
    public required IReadOnlyList<PlannedImage> Images { get; init; }
    public required IReadOnlyList<PlannedCopy> Copies { get; init; }
    public required IReadOnlyList<PlannedShare> Shares { get; init; }
    public required IReadOnlyList<PlannedFleet> Fleets { get; init; }
    public required IReadOnlyList<PlannedEvent> Timeline { get; init; }

    public int Steps => (int)Math.Ceiling(Duration / Step);
}

public sealed record PlannedRegion(string Code, double UtcOffsetHours, IReadOnlyDictionary<string, int> Capacity);

public sealed record PlannedImage(string Account, string Region, string Name, string BaseImage, IReadOnlyList<string> Applications);

public sealed record PlannedCopy(string Account, string Image, string From, string To, string As);

public sealed record PlannedShare(string Account, string Region, string Image, string With, bool AllowFleet, bool AllowImageBuilder);

public sealed record PlannedFleet
{
    /// <summary>The fleet's grain key, <c>region/account/name</c>.</summary>
    public required string Key { get; init; }
    public required string Group { get; init; }
    public required string Region { get; init; }
    public required string Account { get; init; }
    public required string Name { get; init; }
    public required CreateFleetRequest Create { get; init; }
    public required bool PersistSettings { get; init; }
    public RegisterScalableTargetRequest? ScalableTarget { get; init; }
    public IReadOnlyList<PutScalingPolicyRequest> Policies { get; init; } = [];
    public IReadOnlyList<PutScheduledActionRequest> ScheduledActions { get; init; } = [];
    public UserDemand? Users { get; init; }
}

/// <summary>Something the timeline does at <see cref="At"/> after the start.</summary>
public abstract record PlannedEvent(TimeSpan At, string Description);

public sealed record CopyEvent(TimeSpan At, string Description, IReadOnlyList<PlannedCopy> Copies) : PlannedEvent(At, Description);

public sealed record RevokeEvent(TimeSpan At, string Description, string Account, string Image, IReadOnlyList<string> Regions, IReadOnlyList<string> From, bool KeepImageBuilder)
    : PlannedEvent(At, Description);

/// <summary>UpdateFleet on each of <see cref="Fleets"/>: a new image (the account's own, a public one, or <see cref="ImageOwner"/>'s) and/or capacity.</summary>
public sealed record UpdateFleetEvent(TimeSpan At, string Description, IReadOnlyList<string> Fleets, string? ImageName, string? ImageOwner, int? Desired)
    : PlannedEvent(At, Description);

public sealed record RegionCapacityEvent(TimeSpan At, string Description, string Region, string InstanceType, int Capacity) : PlannedEvent(At, Description);
