using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Scaling;

public static class ScalingGrains
{
    public static IFleetScalingGrain GetFleetScaling(this IGrainFactory grains, string region, string account, string? fleetName, string member = "ResourceId") =>
        grains.GetGrain<IFleetScalingGrain>(new ResourceKey(region, account, Check.Name(fleetName, member)).ToString());
}
