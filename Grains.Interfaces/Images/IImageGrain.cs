using RegionSim.Time;

namespace RegionSim.Images;

/// <summary>
/// One image (key <c>region/owner/name</c>; public images <c>region/aws/name</c>). Holds its state
/// machine, its immutable content, whom it is shared with and what it allows them, and decides every
/// rule about it. Callers pass the account they act for.
/// </summary>
[Alias("RegionSim.Images.IImageGrain")]
public interface IImageGrain : IScheduledGrain
{
    /// <summary>The image as <paramref name="viewerAccountId"/> sees it; ResourceNotFound if it can't.</summary>
    [Alias("Describe"), AlwaysInterleave]
    Task<Image> DescribeAsync(string viewerAccountId);

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

    [Alias("UpdatePermissions")]
    Task UpdatePermissionsAsync(string callerAccountId, UpdateImagePermissionsRequest request);

    [Alias("DeletePermissions")]
    Task DeletePermissionsAsync(string callerAccountId, DeleteImagePermissionsRequest request);

    [Alias("DescribePermissions"), AlwaysInterleave]
    Task<DescribeImagePermissionsResponse> DescribePermissionsAsync(string callerAccountId, DescribeImagePermissionsRequest request);

    /// <summary>DeleteImage: refused while shared or used; then DELETING, and gone once deletion time has passed.</summary>
    [Alias("Delete")]
    Task<Image> DeleteAsync(string callerAccountId);

    [Alias("Tag")]
    Task TagAsync(string callerAccountId, IReadOnlyDictionary<string, string> tags);

    [Alias("Untag")]
    Task UntagAsync(string callerAccountId, IReadOnlyList<string> tagKeys);

    [Alias("ListTags"), AlwaysInterleave]
    Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string callerAccountId);

    /// <summary>
    /// Whether <paramref name="accountId"/> may launch an image builder from this image (its owner, anyone for
    /// a public image, an account it is shared with allowImageBuilder); answers the content the builder starts
    /// from. Revoking allowImageBuilder later refuses new builders only: a builder keeps the content it got.
    /// </summary>
    [Alias("UseForImageBuilder"), AlwaysInterleave]
    Task<ImageContent> UseForImageBuilderAsync(string accountId);

    /// <summary>
    /// The agent version an instance (fleet instance or image builder) launched from this image now would run:
    /// the newest released agent for an image that always uses the latest, else the image's own.
    /// </summary>
    [Alias("GetLaunchAgentVersion"), AlwaysInterleave]
    Task<string> GetLaunchAgentVersionAsync();

    /// <summary>CreateUpdatedImage of this image by <paramref name="callerAccountId"/> (managed image updates).</summary>
    [Alias("CreateUpdated")]
    Task<CreateUpdatedImageResponse> CreateUpdatedAsync(string callerAccountId, CreateUpdatedImageRequest request);
}
