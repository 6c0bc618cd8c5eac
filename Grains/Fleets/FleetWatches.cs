namespace RegionSim.Fleets;

/// <summary>
/// How long watches last (<see cref="IFleetGrain.WatchAsync"/>), in wall time: they save the calls of an
/// account that is being asked DescribeFleets now, and lapse when nobody asks, so that a fleet nobody
/// watches (a load simulation's) pays nothing for them.
/// </summary>
public static class FleetWatches
{
    /// <summary>The key of the <see cref="TimeProvider"/> watches run on: the system clock (<c>AddRegionSimGrains</c>); tests put a manual clock there.</summary>
    public const string Clock = "RegionSim.FleetWatches";

    /// <summary>How long a fleet tells its account its changes after the account asked it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(4);

    /// <summary>
    /// How long after it asked the account answers from a view: half the lease, so that the fleet tells it
    /// for longer than it listens, whatever the skew between their silos' clocks; it asks again after (one
    /// call per fleet every two minutes while DescribeFleets is asked).
    /// </summary>
    public static readonly TimeSpan Trust = Lease / 2;
}
