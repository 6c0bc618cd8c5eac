using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.ImageBuilders;

/// <summary>Finding image builder grains by what a request names.</summary>
public static class ImageBuilderGrains
{
    /// <summary>The builder <paramref name="account"/> owns under <paramref name="name"/>; the name is checked first, since it becomes part of a key.</summary>
    public static IImageBuilderGrain GetImageBuilder(this IGrainFactory grains, string region, string account, string? name, string member = "Name") =>
        grains.GetImageBuilder(new ResourceKey(region, account, Check.Name(name, member)));

    public static IImageBuilderGrain GetImageBuilder(this IGrainFactory grains, ResourceKey key) =>
        grains.GetGrain<IImageBuilderGrain>(key.ToString());
}
