namespace RegionSim.Simulation;

/// <summary>
/// A fleet in a load simulation (key: the fleet's key; a facet of the fleet grain). Once its users are
/// attached, the simulation steps it instead of its region's clock: each step runs the users' arrivals
/// and actions and the fleet's own timers in time order.
/// </summary>
[Alias("RegionSim.Simulation.IFleetSimulationGrain")]
public interface IFleetSimulationGrain : IGrainWithStringKey
{
    /// <summary>Gives the fleet its simulated users (drawn from <paramref name="seed"/>), counting from <paramref name="from"/>.</summary>
    [Alias("AttachUsers")]
    Task AttachUsersAsync(UserDemand users, int seed, DateTimeOffset from);

    [Alias("Step")]
    Task<FleetStepResult> StepAsync(FleetStep step);

    /// <summary>The simulation is over: the users leave (their sessions go on), the state is stored, and the region's clock wakes the fleet again.</summary>
    [Alias("DetachUsers")]
    Task DetachUsersAsync();

    [Alias("Totals"), AlwaysInterleave]
    Task<FleetTotals> GetTotalsAsync();
}
