namespace RegionSim.Simulation;

/// <summary>
/// The load simulation of one region (key: the region code): steps its fleets together, and decides
/// their requests for region capacity in a fixed order so that a run is the same every time.
/// </summary>
[Alias("RegionSim.Simulation.IRegionSimulationGrain")]
public interface IRegionSimulationGrain : IGrainWithStringKey
{
    /// <summary>Starts a run with these fleets (by key), each of which already has its users; again after a silo's death, forgetting grants not yet handed on.</summary>
    [Alias("Begin")]
    Task BeginAsync(IReadOnlyList<string> fleets, DateTimeOffset from);

    /// <summary>
    /// Steps, in parallel, every fleet with something to do before <paramref name="until"/> that has not already
    /// answered for this step; fleets may run ahead up to <paramref name="runAheadUntil"/> while they need nothing
    /// from the region. Answers the region's sums at the step's end. SimulationStateLostException when this
    /// activation was never begun.
    /// </summary>
    [Alias("Step")]
    Task<RegionStepResult> StepAsync(DateTimeOffset until, DateTimeOffset runAheadUntil);
}

[GenerateSerializer, Immutable, Alias("RegionSim.RegionStepResult")]
public readonly record struct RegionStepResult
{
    /// <summary>The region's fleets added together.</summary>
    [Id(0)] public required FleetSample Sample { get; init; }

    /// <summary>How many fleet grains the step called (for the benchmark's count of grain calls).</summary>
    [Id(1)] public int GrainCalls { get; init; }
}
