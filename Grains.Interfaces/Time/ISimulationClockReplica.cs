using Orleans.Services;

namespace RegionSim.Time;

/// <summary>
/// The simulated clock of one silo. The simulation clock grain tells every silo's replica when time
/// moves, so that grains on every silo read the same simulated time.
/// </summary>
[Alias("RegionSim.ISimulationClockReplica")]
public interface ISimulationClockReplica : IGrainService
{
    [Alias("MoveTo")]
    Task MoveToAsync(DateTimeOffset now, SimulationTimings timings);

    [Alias("Now")]
    Task<DateTimeOffset> GetNowAsync();
}
