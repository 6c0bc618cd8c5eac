using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Stacks;

public static class StackGrains
{
    /// <summary>The stack <paramref name="account"/> owns under <paramref name="name"/>; the name is checked first, since it becomes part of a key.</summary>
    public static IStackGrain GetStack(this IGrainFactory grains, string region, string account, string? name, string member = "Name") =>
        grains.GetGrain<IStackGrain>(new ResourceKey(region, account, Check.Name(name, member)).ToString());

    public static IStackGrain GetStack(this IGrainFactory grains, ResourceKey key) => grains.GetGrain<IStackGrain>(key.ToString());
}
