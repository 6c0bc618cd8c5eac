using RegionSim.Images;

namespace RegionSim.Regions;

/// <summary>An AppStream region (key: the region code): its public base-image catalogue.</summary>
[Alias("RegionSim.Regions.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    [Alias("ListBaseImages"), AlwaysInterleave]
    Task<IReadOnlyList<BaseImage>> ListBaseImagesAsync();

    /// <summary>The public base image of that name, or null.</summary>
    [Alias("FindBaseImage"), AlwaysInterleave]
    Task<BaseImage?> FindBaseImageAsync(string name);

    /// <summary>The public images as DescribeImages shows them.</summary>
    [Alias("DescribePublicImages"), AlwaysInterleave]
    Task<IReadOnlyList<Image>> DescribePublicImagesAsync();
}
