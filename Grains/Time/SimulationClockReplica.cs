using Microsoft.Extensions.Logging;

namespace RegionSim.Time;

/// <summary>Receives, on its silo, the moves of the simulation clock grain.</summary>
[Reentrant]
public sealed class SimulationClockReplica(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, SimulationClock clock)
    : GrainService(grainId, silo, loggerFactory), ISimulationClockReplica
{
    Task ISimulationClockReplica.MoveToAsync(DateTimeOffset now, SimulationTimings timings)
    {
        clock.MoveTo(now);
        clock.Timings = timings;
        return Task.CompletedTask;
    }

    Task<DateTimeOffset> ISimulationClockReplica.GetNowAsync() => Task.FromResult(clock.GetUtcNow());
}
