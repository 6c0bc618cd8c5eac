using RegionSim.Images;
using RegionSim.Resources;

namespace RegionSim.Regions;

/// <summary>An AppStream region: its public catalogue. Activating one for an unknown region fails.</summary>
public sealed class RegionGrain : Grain, IRegionGrain
{
    private IReadOnlyList<Image> _publicImages = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var region = this.GetPrimaryKeyString();
        if (!AwsRegions.IsKnown(region))
        {
            throw new InvalidOperationException($"'{region}' is not an AWS Region where AppStream 2.0 runs.");
        }

        _publicImages = BaseImageCatalog.Images.Select(image => PublicImageView(region, image)).ToList();
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<BaseImage>> IRegionGrain.ListBaseImagesAsync() => Task.FromResult(BaseImageCatalog.Images);

    Task<BaseImage?> IRegionGrain.FindBaseImageAsync(string name) => Task.FromResult(BaseImageCatalog.Find(name));

    Task<IReadOnlyList<Image>> IRegionGrain.DescribePublicImagesAsync() => Task.FromResult(_publicImages);

    /// <summary>A base image as every account sees it.</summary>
    internal static Image PublicImageView(string region, BaseImage image)
    {
        var arn = ResourceKey.Public(region, image.Name).Arn(ResourceKind.Image);
        return new Image
        {
            Name = image.Name,
            Arn = arn,
            BaseImageArn = arn,
            DisplayName = image.DisplayName,
            Description = image.Description,
            State = ImageState.Available,
            Visibility = VisibilityType.Public,
            ImageBuilderSupported = true,
            Platform = image.Platform,
            CreatedTime = image.PublishedOn,
            PublicBaseImageReleasedDate = image.PublishedOn,
            AppstreamAgentVersion = image.AgentVersion,
            Applications = [],
        };
    }

    /// <summary>What a base image is made of.</summary>
    internal static ImageContent PublicImageContent(string region, BaseImage image) => new()
    {
        Platform = image.Platform,
        AgentVersion = image.AgentVersion,
        BaseImageArn = ResourceKey.Public(region, image.Name).Arn(ResourceKind.Image),
        PublicBaseImageReleasedDate = image.PublishedOn,
        ImageBuilderSupported = true,
        WindowsDefender = image.WindowsDefender,
    };
}
