using RegionSim.Resources;
using RegionSim.Time;

namespace RegionSim.Images;

/// <summary>
/// One image (key <c>region/owner/name</c>; public images <c>region/aws/name</c>). Holds its state
/// machine, its immutable content, whom it is shared with and what it allows them, and decides every
/// rule about it. Callers pass the account they act for.
/// </summary>
[Alias("RegionSim.Images.IImageGrain")]
public interface IImageGrain : IScheduledGrain, ITaggedResourceGrain
{
    /// <summary>The image as <paramref name="viewerAccountId"/> sees it; ResourceNotFound if it can't.</summary>
    [Alias("Describe"), AlwaysInterleave]
    Task<Image> DescribeAsync(string viewerAccountId);

    /// <summary>The view <paramref name="viewerAccountId"/>'s account keeps of the image, with its version (the image pushes changes; the account asks once per activation).</summary>
    [Alias("GetView"), AlwaysInterleave]
    Task<ImageView> GetViewAsync(string viewerAccountId);

    /// <summary>The image content, for an account allowed to see the image.</summary>
    [Alias("GetContent"), AlwaysInterleave]
    Task<ImageContent> GetContentAsync(string viewerAccountId);

    /// <summary>
    /// Makes this image for its owner: claims the name with the account, then PENDING (or CREATING)
    /// until the image creation time has passed, then AVAILABLE.
    /// </summary>
    [Alias("Create")]
    Task<Image> CreateAsync(NewImage image);

    /// <summary>CopyImage of this image by <paramref name="callerAccountId"/>.</summary>
    [Alias("Copy")]
    Task<CopyImageResponse> CopyAsync(string callerAccountId, CopyImageRequest request);

    /// <summary>Starts this image as the destination of a copy: COPYING until the copy time has passed.</summary>
    [Alias("ReceiveCopy")]
    Task ReceiveCopyAsync(ImageCopy copy);

    /// <summary>
    /// The owner's account still counts this image as a copy in flight, past its copy time and grace. A copy
    /// that never arrived (a silo died while handing it over) becomes FAILED with IMAGE_COPY_FAILURE; one still
    /// COPYING finishes if its time has come (its wake-up was lost); either way, once done, the image tells
    /// the account (<see cref="Accounts.IAccountGrain.CompleteCopyAsync"/>) and pushes its view again. One-way,
    /// so that the account never waits on an image that calls it back.
    /// </summary>
    [Alias("SettleCopy"), OneWay]
    Task SettleCopyAsync(ResourceKey source);

    /// <summary>
    /// UpdateImagePermissions. Taking allowFleet away tells the recipient's fleets that use the image. The
    /// call interleaves: changes for one recipient take turns, but the image is not held while fleets are
    /// told, so it serves other calls (and other recipients' revocations) meanwhile.
    /// </summary>
    [Alias("UpdatePermissions"), AlwaysInterleave]
    Task UpdatePermissionsAsync(string callerAccountId, UpdateImagePermissionsRequest request);

    /// <summary>DeleteImagePermissions; like <see cref="UpdatePermissionsAsync"/>, it tells the fleets of an account that had allowFleet.</summary>
    [Alias("DeletePermissions"), AlwaysInterleave]
    Task DeletePermissionsAsync(string callerAccountId, DeleteImagePermissionsRequest request);

    [Alias("DescribePermissions"), AlwaysInterleave]
    Task<DescribeImagePermissionsResponse> DescribePermissionsAsync(string callerAccountId, DescribeImagePermissionsRequest request);

    /// <summary>DeleteImage: refused while shared or used; then DELETING, and gone once deletion time has passed.</summary>
    [Alias("Delete")]
    Task<Image> DeleteAsync(string callerAccountId);

    /// <summary>
    /// Whether <paramref name="accountId"/> may launch an image builder from this image (its owner, anyone for
    /// a public image, an account it is shared with allowImageBuilder); answers the content the builder starts
    /// from. Revoking allowImageBuilder later refuses new builders only: a builder keeps the content it got.
    /// </summary>
    [Alias("UseForImageBuilder"), AlwaysInterleave]
    Task<ImageContent> UseForImageBuilderAsync(string accountId);

    /// <summary>CreateUpdatedImage of this image by <paramref name="callerAccountId"/> (managed image updates).</summary>
    [Alias("CreateUpdated")]
    Task<CreateUpdatedImageResponse> CreateUpdatedAsync(string callerAccountId, CreateUpdatedImageRequest request);

    /// <summary>
    /// A fleet wants to use this image: allowed for the owner's fleets, any fleet for a public image, and the
    /// fleets of an account it is shared with allowFleet; only while AVAILABLE. The image then counts the
    /// fleet among its users (DeleteImage is refused while it has any). Answers the image as the fleet's
    /// account sees it, and what decides its instances' agent. Interleaves, so that a fleet is never stuck behind a revocation that waits for it.
    /// </summary>
    [Alias("AdmitFleet"), AlwaysInterleave]
    Task<AdmittedImage> AdmitFleetAsync(ResourceKey fleet);

    /// <summary>The fleet no longer uses this image (deleted, or moved to another image).</summary>
    [Alias("ReleaseFleet"), AlwaysInterleave]
    Task ReleaseFleetAsync(ResourceKey fleet);
}
