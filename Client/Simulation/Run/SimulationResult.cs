using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Simulation;

namespace RegionSim.Client.Simulation.Run;

/// <summary>What a load simulation produced: the regions' series step by step, the fleets' totals, the timeline as it happened.</summary>
public sealed record SimulationResult
{
    public required ScenarioPlan Plan { get; init; }

    /// <summary>When the simulated day began (the scenario's start on an embedded silo).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Each region's fleets added together, one sample per step (at the step's end).</summary>
    public required IReadOnlyDictionary<string, FleetSample[]> RegionSeries { get; init; }

    public required IReadOnlyList<FleetTotals> Fleets { get; init; }

    public required IReadOnlyList<TimelineOutcome> Timeline { get; init; }

    /// <summary>The regions the runner recovered after a silo's death, and the fleets that started over then (none in an undisturbed run).</summary>
    public IReadOnlyList<SimulationRecovery> Recoveries { get; init; } = [];

    /// <summary>Every fleet that started over after a silo's death, in key order.</summary>
    public IReadOnlyList<string> RestartedFleets =>
        Recoveries.SelectMany(r => r.RestartedFleets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public required RunMeasurements Measurements { get; init; }

    public DateTimeOffset StepEnd(int step) => Start + (Plan.Step * (step + 1));
}

/// <summary>A timeline event as it happened: when, what, and what AppStream answered.</summary>
public sealed record TimelineOutcome(TimeSpan At, string Description, string Outcome);

/// <summary>
/// A region's step that a silo's death interrupted, recovered and run again (<see cref="Step"/> counts from 0;
/// the number of steps for a fleet found without users at the end): the fleets that had lost their simulated
/// users with the silo and started over with new ones, and the error that showed it.
/// </summary>
public sealed record SimulationRecovery(int Step, string Region, IReadOnlyList<string> RestartedFleets, string Error);

/// <summary>How the run went on this machine (not part of the deterministic summary).</summary>
public sealed record RunMeasurements
{
    public required TimeSpan SetupWallTime { get; init; }
    public required TimeSpan StepsWallTime { get; init; }

    /// <summary>How long the process stood still for garbage collection during the day.</summary>
    public required TimeSpan StepsGarbageCollectionPause { get; init; }

    /// <summary>The processor time the whole process used during the day (on two cores, at most twice the wall time).</summary>
    public required TimeSpan StepsProcessorTime { get; init; }

    /// <summary>The bytes the whole process allocated during the day (what the garbage collector has to clear).</summary>
    public long StepsAllocatedBytes { get; init; }

    /// <summary>The collections of each generation (0, 1, 2) during the day.</summary>
    public IReadOnlyList<int> StepsCollections { get; init; } = [];

    /// <summary>Methods the JIT compiled during the day (first compilations and optimized recompilations), and the time it took.</summary>
    public long StepsMethodsCompiled { get; init; }
    public TimeSpan StepsCompilationTime { get; init; }
    public required long RegionGrainCalls { get; init; }
    public required long GrainCalls { get; init; }
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>The grain calls each region's simulation made at each step (for the benchmark to make as many bare ones).</summary>
    public required int[][] RegionCallsPerStep { get; init; }

    /// <summary>Grain calls the simulation clock makes to move one step (it asks every region's clock).</summary>
    public required int ClockCallsPerStep { get; init; }
}
