using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Runtime;
using RegionSim.Fleets;
using RegionSim.Time;

namespace RegionSim;

/// <summary>What the grains need from the silo that hosts them.</summary>
public static class RegionSimGrains
{
    /// <summary>Registers the simulated clock, starting at <paramref name="start"/>, as the grains' time.</summary>
    public static IServiceCollection AddRegionSimGrains(this IServiceCollection services, DateTimeOffset start)
    {
        var clock = new SimulationClock(start);
        services.AddSingleton(clock);
        services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
        // Fleet watches save calls to accounts being asked now: they lapse in wall time, whatever the simulated clock does.
        services.TryAddKeyedSingleton<TimeProvider>(FleetWatches.Clock, TimeProvider.System);
        services.AddSingleton<SimulationClockReplicas>();
        services.AddGrainService<SimulationClockReplica>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ClockSynchronizer>();
        return services;
    }
}
