using RegionSim.Fleets;
using RegionSim.Scaling;
using RegionSim.Simulation;

namespace RegionSim.Benchmarks;

/// <summary>A fleet of a load simulation and its users, as <see cref="FleetWorkBenchmark"/> runs them.</summary>
public sealed record FleetWorkload
{
    /// <summary>The fleet's grain key, <c>region/account/name</c>.</summary>
    public required string Key { get; init; }
    public required CreateFleetRequest Create { get; init; }
    public RegisterScalableTargetRequest? ScalableTarget { get; init; }
    public IReadOnlyList<PutScalingPolicyRequest> Policies { get; init; } = [];
    public IReadOnlyList<PutScheduledActionRequest> ScheduledActions { get; init; } = [];
    public required UserDemand Users { get; init; }
}
