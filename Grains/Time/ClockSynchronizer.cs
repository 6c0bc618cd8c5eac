using Microsoft.Extensions.Logging;

namespace RegionSim.Time;

/// <summary>
/// When a silo becomes active, sets its simulated clock to the cluster's, which may be behind or ahead
/// of the time the silo started with; after that the simulation clock grain keeps it moving.
/// </summary>
internal sealed class ClockSynchronizer(IGrainFactory grains, SimulationClock clock, ILogger<ClockSynchronizer> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClockSynchronizer), ServiceLifecycleStage.Active, SynchronizeAsync);

    private async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        var cluster = grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);
        var now = await cluster.GetNowAsync();
        var timings = await cluster.GetTimingsAsync();
        clock.Synchronize(now);
        clock.Timings = timings;
        logger.LogInformation("Simulated clock synchronized with the cluster at {Now}", now);
    }
}
