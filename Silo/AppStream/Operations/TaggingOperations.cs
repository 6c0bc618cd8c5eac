using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Silo.AppStream.Shapes;
using RegionSim.Validation;

namespace RegionSim.Silo.AppStream;

/// <summary>
/// TagResource, UntagResource and ListTagsForResource: the resource kind in the ARN picks the grain
/// that holds the tags (<see cref="TaggedKinds"/>, one entry per taggable kind).
/// </summary>
public static class TaggingOperations
{
    /// <summary>How to reach the tags of each kind of resource; the grain checks the caller owns it.</summary>
    private static readonly Dictionary<ResourceKind, ResourceTags> TaggedKinds = new()
    {
        [ResourceKind.Image] = new(
            (grains, key, caller, tags) => grains.GetImage(key).TagAsync(caller, tags),
            (grains, key, caller, tagKeys) => grains.GetImage(key).UntagAsync(caller, tagKeys),
            (grains, key, caller) => grains.GetImage(key).ListTagsAsync(caller)),
    };

    public static AppStreamOperations AddTaggingOperations(this AppStreamOperations operations) => operations
        .Add<TagResourceRequest>("TagResource", (grains, caller, request) =>
        {
            var (key, tags) = Find(caller, request.ResourceArn);
            // The grain checks the tags (required, 1-50, key and value shapes).
            return tags.Tag(grains, key, caller.AccountId, request.Tags!);
        })
        .Add<UntagResourceRequest>("UntagResource", (grains, caller, request) =>
        {
            var (key, tags) = Find(caller, request.ResourceArn);
            return tags.Untag(grains, key, caller.AccountId, request.TagKeys!);
        })
        .Add<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", async (grains, caller, request) =>
        {
            var (key, tags) = Find(caller, request.ResourceArn);
            return new ListTagsForResourceResponse { Tags = await tags.List(grains, key, caller.AccountId) };
        });

    /// <summary>
    /// The resource an ARN names. A Region's service knows only that Region's resources, so an ARN of
    /// another Region than the request's is not found, whatever it names.
    /// </summary>
    private static (ResourceKey Key, ResourceTags Tags) Find(AppStreamCaller caller, string? resourceArn)
    {
        var arn = AppStreamArn.Parse(Check.Required(resourceArn, "ResourceArn"), "ResourceArn");
        Check.Name(arn.Name, "ResourceArn");
        if (arn.Region != caller.Region || !TaggedKinds.TryGetValue(arn.Kind, out var tags))
        {
            throw AppStreamException.NotFound($"No {arn.Kind.Noun()} with ARN {resourceArn} is visible to account {caller.AccountId} in {caller.Region}.");
        }

        return (arn.Key, tags);
    }

    private sealed record ResourceTags(
        Func<IGrainFactory, ResourceKey, string, IReadOnlyDictionary<string, string>, Task> Tag,
        Func<IGrainFactory, ResourceKey, string, IReadOnlyList<string>, Task> Untag,
        Func<IGrainFactory, ResourceKey, string, Task<IReadOnlyDictionary<string, string>>> List);
}
