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

    /// <summary>
    /// After a silo's death interrupted the simulation: a fleet that lost its users with it (a new activation,
    /// from its state as last stored) gets new ones, drawn afresh from <paramref name="from"/>; every fleet
    /// settles with its region the instance slots it holds. Answers whether the users are new.
    /// </summary>
    [Alias("Resume")]
    Task<bool> ResumeAsync(UserDemand users, int seed, DateTimeOffset from);

    /// <summary>
    /// Runs the users and the engine to the step's end, and on through the next steps while the fleet needs
    /// nothing from its region, up to <see cref="FleetStep.RunAheadUntil"/>: one sample a step. A step the fleet
    /// has already answered (asked again after a silo's death) is answered again, not run twice.
    /// SimulationStateLostException when the fleet has no users.
    /// </summary>
    [Alias("Step")]
    Task<FleetStepResult> StepAsync(FleetStep step);

    /// <summary>The simulation is over: the users leave (their sessions go on), the state is stored, and the region's clock wakes the fleet again.</summary>
    [Alias("DetachUsers")]
    Task DetachUsersAsync();

    /// <summary>The fleet's totals over a simulation that ended at <paramref name="end"/>, steps it sat out at the end included.</summary>
    [Alias("Totals"), AlwaysInterleave]
    Task<FleetTotals> GetTotalsAsync(DateTimeOffset end);
}
