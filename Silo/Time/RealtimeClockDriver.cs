using RegionSim.Silo.Hosting;
using RegionSim.Time;

namespace RegionSim.Silo.Time;

/// <summary>
/// With the real-time clock, moves simulated time along with the wall clock, <see cref="RegionSimSiloOptions.Speedup"/>
/// times as fast, a tick at a time.
/// </summary>
internal sealed class RealtimeClockDriver(IGrainFactory grains, RegionSimSiloOptions options, ILogger<RealtimeClockDriver> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);
        var simulatedStart = await clock.GetNowAsync();
        var wallStart = TimeProvider.System.GetTimestamp();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(options.TickMilliseconds));
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            var elapsed = TimeProvider.System.GetElapsedTime(wallStart) * options.Speedup;
            try
            {
                await clock.AdvanceToAsync(simulatedStart + elapsed);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "Could not move simulated time to {Time}", simulatedStart + elapsed);
            }
        }
    }
}
