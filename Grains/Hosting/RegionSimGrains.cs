using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
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
        services.AddSingleton<SimulationClockReplicas>();
        services.AddGrainService<SimulationClockReplica>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ClockSynchronizer>();
        return services;
    }
}
