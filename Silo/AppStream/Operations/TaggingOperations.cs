using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Silo.AppStream.Shapes;
using RegionSim.Stacks;
using RegionSim.Validation;

namespace RegionSim.Silo.AppStream;

/// <summary>
/// TagResource, UntagResource and ListTagsForResource: the resource kind in the ARN picks the grain
/// that holds the tags (<see cref="TaggedKinds"/>, one entry per taggable kind: images, image builders,
/// fleets, stacks).
/// </summary>
public static class TaggingOperations
{
    /// <summary>The grain that keeps the tags of each kind of resource; it checks the caller owns the resource.</summary>
    private static readonly Dictionary<ResourceKind, Func<IGrainFactory, ResourceKey, ITaggedResourceGrain>> TaggedKinds = new()
    {
        [ResourceKind.Image] = (grains, key) => grains.GetImage(key),
        [ResourceKind.ImageBuilder] = (grains, key) => grains.GetImageBuilder(key),
        [ResourceKind.Fleet] = (grains, key) => grains.GetFleet(key),
        [ResourceKind.Stack] = (grains, key) => grains.GetStack(key),
    };

    public static AppStreamOperations AddTaggingOperations(this AppStreamOperations operations) => operations
        // The grain checks the tags and keys (required, 1-50, their shapes).
        .Add<TagResourceRequest>("TagResource", (grains, caller, request) =>
            Find(grains, caller, request.ResourceArn).TagAsync(caller.AccountId, request.Tags!))
        .Add<UntagResourceRequest>("UntagResource", (grains, caller, request) =>
            Find(grains, caller, request.ResourceArn).UntagAsync(caller.AccountId, request.TagKeys!))
        .Add<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", async (grains, caller, request) =>
            new ListTagsForResourceResponse { Tags = await Find(grains, caller, request.ResourceArn).ListTagsAsync(caller.AccountId) });

    /// <summary>
    /// The resource an ARN names. A Region's service knows only that Region's resources, so an ARN of
    /// another Region than the request's is not found, whatever it names.
    /// </summary>
    private static ITaggedResourceGrain Find(IGrainFactory grains, AppStreamCaller caller, string? resourceArn)
    {
        var arn = AppStreamArn.Parse(Check.Required(resourceArn, "ResourceArn"), "ResourceArn");
        Check.Name(arn.Name, "ResourceArn");
        if (arn.Region != caller.Region || !TaggedKinds.TryGetValue(arn.Kind, out var grain))
        {
            throw AppStreamException.NotFound($"No {arn.Kind.Noun()} with ARN {resourceArn} is visible to account {caller.AccountId} in {caller.Region}.");
        }

        return grain(grains, arn.Key);
    }
}
