using RegionSim.Fleets;
using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Time;

namespace RegionSim.Accounts;

/// <summary>
/// An AWS account (key: the 12-digit id). The single authority for the names the account owns in each
/// region, for its copies in flight, and for the images other accounts share with it; its registry
/// view of images is assembled here.
/// </summary>
[Alias("RegionSim.Accounts.IAccountGrain")]
public interface IAccountGrain : IScheduledGrain
{
    /// <summary>Claims a name; refused with ResourceAlreadyExists while the account has a resource of that kind and name in the region.</summary>
    [Alias("ReserveName")]
    Task ReserveNameAsync(string region, ResourceKind kind, string name);

    [Alias("ReleaseName")]
    Task ReleaseNameAsync(string region, ResourceKind kind, string name);

    [Alias("ListNames"), AlwaysInterleave]
    Task<IReadOnlyList<string>> ListNamesAsync(string region, ResourceKind kind);

    /// <summary>
    /// Claims the destination name of a copy of <paramref name="source"/> and a place among the copies in
    /// flight to that region. Once the copy time and a grace have passed, the account asks the destination
    /// what became of a copy it still counts (<see cref="IImageGrain.SettleCopyAsync"/>), and again a while
    /// later until it hears the copy is done: a silo's death never holds a name or a place for ever.
    /// </summary>
    [Alias("ReserveCopy")]
    Task ReserveCopyAsync(string destinationRegion, string imageName, ResourceKey source);

    /// <summary>The copy has ended (AVAILABLE or FAILED): its place among the copies in flight is free. Telling it twice is harmless.</summary>
    [Alias("CompleteCopy")]
    Task CompleteCopyAsync(string destinationRegion, string imageName);

    [Alias("CopiesInFlight"), AlwaysInterleave]
    Task<int> GetCopiesInFlightAsync(string destinationRegion);

    /// <summary>Another account shared an image with this one (or changed what it grants): how this account now sees it.</summary>
    [Alias("AddSharedImage")]
    Task AddSharedImageAsync(ImageView view);

    /// <summary>The owner stopped sharing an image with this account (the view shows it can no longer see it).</summary>
    [Alias("RemoveSharedImage")]
    Task RemoveSharedImageAsync(ImageView view);

    /// <summary>
    /// One of the account's own images changed in a way the account sees (state, sharing, gone): the account
    /// keeps the newest view of each image for DescribeImages. Interleaves and awaits nothing.
    /// </summary>
    [Alias("UpdateImageView"), AlwaysInterleave]
    Task UpdateImageViewAsync(ImageView view);

    /// <summary>
    /// DescribeImages as this account in <paramref name="region"/>, answered from the views the account holds
    /// (see <see cref="UpdateImageViewAsync"/>). Read-only and interleaved: concurrent describes of one account
    /// share the first load of the views and never queue behind each other.
    /// </summary>
    [Alias("DescribeImages"), AlwaysInterleave]
    Task<DescribeImagesResponse> DescribeImagesAsync(string region, DescribeImagesRequest request);

    /// <summary>The Image Registry in its four views.</summary>
    [Alias("GetImageRegistry")]
    Task<ImageRegistry> GetImageRegistryAsync(string region);

    /// <summary>
    /// Which image this account means by a name or an ARN in <paramref name="region"/>: its own first,
    /// then a public one, then one shared with it. Refused with ResourceNotFound when it can see none.
    /// </summary>
    [Alias("ResolveImage")]
    Task<ResourceKey> ResolveImageAsync(string region, string? imageName, string? imageArn);

    /// <summary>DescribeImageBuilders as this account in <paramref name="region"/>.</summary>
    [Alias("DescribeImageBuilders")]
    Task<DescribeImageBuildersResponse> DescribeImageBuildersAsync(string region, DescribeImageBuildersRequest request);

    /// <summary>
    /// Takes a place among the managed image updates in flight in <paramref name="region"/> for a new image
    /// named <paramref name="imageName"/>; refused while the name is taken or the account has its maximum in flight.
    /// </summary>
    [Alias("ReserveImageUpdate")]
    Task ReserveImageUpdateAsync(string region, string imageName);

    /// <summary>The managed update that makes <paramref name="imageName"/> has ended: its place is free.</summary>
    [Alias("CompleteImageUpdate")]
    Task CompleteImageUpdateAsync(string region, string imageName);

    [Alias("ImageUpdatesInFlight"), AlwaysInterleave]
    Task<int> GetImageUpdatesInFlightAsync(string region);

    /// <summary>
    /// DescribeFleets as this account in <paramref name="region"/>: the named fleets, or all of them by name.
    /// Answered from the views of the fleets the account watches; the others are asked (and watched from then).
    /// </summary>
    [Alias("DescribeFleets"), AlwaysInterleave]
    Task<DescribeFleetsResponse> DescribeFleetsAsync(string region, DescribeFleetsRequest request);

    /// <summary>
    /// A watched fleet of the account changed, or stopped telling (see <see cref="IFleetGrain.WatchAsync"/>):
    /// the account keeps the newest view of each fleet it asked. Interleaves (the fleet tells while the account
    /// may be waiting on it) and awaits nothing.
    /// </summary>
    [Alias("UpdateFleetView"), AlwaysInterleave]
    Task UpdateFleetViewAsync(FleetView view);

    /// <summary>DescribeStacks as this account in <paramref name="region"/>.</summary>
    [Alias("DescribeStacks"), AlwaysInterleave]
    Task<DescribeStacksResponse> DescribeStacksAsync(string region, DescribeStacksRequest request);

    /// <summary>
    /// The owner of <paramref name="image"/> revoked this account's permission to use it for fleets: tells
    /// each of the named fleets (those the image knows use it), in parallel. Interleaves, so that a fleet
    /// waiting on this account never blocks the revocation.
    /// </summary>
    [Alias("RevokeFleetAccess"), AlwaysInterleave]
    Task RevokeFleetAccessAsync(ResourceKey image, IReadOnlyList<string> fleetNames);

    /// <summary>ExpireSession: finds the fleet that holds the session from its id and ends it; an unknown id is no error.</summary>
    [Alias("ExpireSession"), AlwaysInterleave]
    Task ExpireSessionAsync(string region, ExpireSessionRequest request);
}
