namespace RegionSim.Resources;

/// <summary>
/// A resource that carries tags (images, image builders, fleets, stacks). The caller names the account it
/// acts for: a resource of another account is not found, whatever the ARN says.
/// </summary>
[Alias("RegionSim.Resources.ITaggedResourceGrain")]
public interface ITaggedResourceGrain : IGrainWithStringKey
{
    /// <summary>TagResource: adds the tags, overwriting the values of keys it already has; at most 50 in all.</summary>
    [Alias("Tag")]
    Task TagAsync(string callerAccountId, IReadOnlyDictionary<string, string> tags);

    /// <summary>UntagResource: removes the keys it has; keys it lacks are no error.</summary>
    [Alias("Untag")]
    Task UntagAsync(string callerAccountId, IReadOnlyList<string> tagKeys);

    [Alias("ListTags"), AlwaysInterleave]
    Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string callerAccountId);
}
