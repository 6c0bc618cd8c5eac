using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Fleets;

public static class FleetGrains
{
    /// <summary>The fleet <paramref name="account"/> owns under <paramref name="name"/>; the name is checked first, since it becomes part of a key.</summary>
    public static IFleetGrain GetFleet(this IGrainFactory grains, string region, string account, string? name, string member = "Name") =>
        grains.GetGrain<IFleetGrain>(new ResourceKey(region, account, Check.Name(name, member)).ToString());

    public static IFleetGrain GetFleet(this IGrainFactory grains, ResourceKey key) => grains.GetGrain<IFleetGrain>(key.ToString());
}
