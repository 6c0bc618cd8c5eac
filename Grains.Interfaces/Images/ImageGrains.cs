using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Images;

/// <summary>Finding image grains by what a request names.</summary>
public static class ImageGrains
{
    /// <summary>The image <paramref name="owner"/> owns under <paramref name="name"/>; the name is checked first, since it becomes part of a key.</summary>
    public static IImageGrain GetImage(this IGrainFactory grains, string region, string owner, string? name, string member = "Name") =>
        grains.GetImage(new ResourceKey(region, owner, Check.Name(name, member)));

    public static IImageGrain GetImage(this IGrainFactory grains, ResourceKey key) =>
        grains.GetGrain<IImageGrain>(key.ToString());
}
