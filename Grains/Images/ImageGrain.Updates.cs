using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.Images;

/// <summary>The image as the start of other things: image builders and managed image updates.</summary>
public sealed partial class ImageGrain
{
    /// <summary>Managed image updates take images whose base image was published on or after this day.</summary>
    public static readonly DateTimeOffset FirstUpdatableBaseImage = new(2017, 7, 24, 0, 0, 0, TimeSpan.Zero);

    public const int MaxImageUpdatesInFlight = 5;

    Task<ImageContent> IImageGrain.UseForImageBuilderAsync(string accountId)
    {
        if (_baseImage is not null)
        {
            return Task.FromResult(RegionGrain.PublicImageContent(_key.Region, _baseImage));
        }

        if (!Image.Exists || (accountId != _key.Owner && !Image.SharedWith.ContainsKey(accountId)))
        {
            throw NotFound(accountId);
        }

        if (accountId != _key.Owner && !Image.SharedWith[accountId].AllowImageBuilder)
        {
            throw AppStreamException.NotPermitted(
                $"Image {_key.Name} of account {_key.Owner} is shared with account {accountId} for fleets only; it may not be used to launch an image builder.");
        }

        if (Image.State != ImageState.Available)
        {
            throw AppStreamException.NotAvailable($"Image {_key.Name} is {WireNames.Of(Image.State)}; an image builder is launched from an AVAILABLE image.");
        }

        if (!Image.Content!.ImageBuilderSupported)
        {
            throw AppStreamException.Incompatible($"Image {_key.Name} does not support image builders.");
        }

        return Task.FromResult(Image.Content);
    }

    async Task<CreateUpdatedImageResponse> IImageGrain.CreateUpdatedAsync(string callerAccountId, CreateUpdatedImageRequest request)
    {
        Check.Name(request.ExistingImageName, "existingImageName");
        var newName = Check.Name(request.NewImageName, "newImageName");
        Check.MaxLength(request.NewImageDescription, 256, "newImageDescription");
        Check.MaxLength(request.NewImageDisplayName, 100, "newImageDisplayName");
        Check.Tags(request.NewImageTags, "newImageTags");
        RequireOwnedBy(callerAccountId, "updated");
        if (Image.State != ImageState.Available)
        {
            throw AppStreamException.NotPermitted($"Image {_key.Name} is {WireNames.Of(Image.State)}; only an AVAILABLE image can be updated.");
        }

        var now = time.GetUtcNow();
        var content = Image.Content!;
        var compatible = content.PublicBaseImageReleasedDate >= FirstUpdatableBaseImage;
        var latestAgent = AgentReleaseCatalog.LatestAt(now).Version;
        var updatable = compatible && (AgentReleaseCatalog.IsNewer(latestAgent, content.AgentVersion) || OperatingSystemUpdatesAvailable(content));
        var account = GrainFactory.GetGrain<IAccountGrain>(callerAccountId);
        if (request.DryRun == true)
        {
            if ((await account.ListNamesAsync(_key.Region, ResourceKind.Image)).Contains(newName))
            {
                throw AppStreamException.AlreadyExists($"Account {callerAccountId} already has an image named {newName} in {_key.Region}.");
            }

            return new CreateUpdatedImageResponse { CanUpdateImage = updatable };
        }

        if (!compatible)
        {
            throw AppStreamException.Incompatible(
                $"Image {_key.Name} comes from a base image published {content.PublicBaseImageReleasedDate:yyyy-MM-dd}; managed image updates need a base image published on or after {FirstUpdatableBaseImage:yyyy-MM-dd}.");
        }

        if (!updatable)
        {
            throw AppStreamException.NotPermitted($"Image {_key.Name} already has the latest agent ({content.AgentVersion}) and operating system updates; there is nothing to update.");
        }

        await account.ReserveImageUpdateAsync(_key.Region, newName);
        try
        {
            var image = await GrainFactory.GetImage(_key.Region, callerAccountId, newName, "newImageName").CreateAsync(new NewImage
            {
                Content = content with { AgentVersion = latestAgent, OperatingSystemUpdatedOn = now },
                DisplayName = request.NewImageDisplayName,
                Description = request.NewImageDescription,
                Tags = request.NewImageTags,
                InitialState = ImageState.Creating,
            });
            return new CreateUpdatedImageResponse { Image = image, CanUpdateImage = true };
        }
        catch
        {
            await account.CompleteImageUpdateAsync(_key.Region, newName);
            throw;
        }
    }

    /// <summary>Whether AWS has published a base image of the platform since the image's operating system was last updated.</summary>
    private static bool OperatingSystemUpdatesAvailable(ImageContent content)
    {
        var updatedOn = content.OperatingSystemUpdatedOn ?? content.PublicBaseImageReleasedDate ?? DateTimeOffset.MinValue;
        return BaseImageCatalog.Images.Any(image => image.Platform == content.Platform && image.PublishedOn > updatedOn);
    }

    private bool RunsLatestAgent(ImageContent content) =>
        content.AlwaysLatestAgent || !AgentReleaseCatalog.IsNewer(AgentReleaseCatalog.LatestAt(time.GetUtcNow()).Version, content.AgentVersion);
}
