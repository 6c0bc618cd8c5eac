using RegionSim.Resources;

namespace RegionSim.Fleets;

/// <summary>The fleet's tags (<see cref="ITaggedResourceGrain"/>): given at creation, changed by TagResource and UntagResource.</summary>
public sealed partial class FleetGrain
{
    async Task ITaggedResourceGrain.TagAsync(string callerAccountId, IReadOnlyDictionary<string, string> tags)
    {
        ResourceTags.CheckTags(tags);
        RequireOwnedBy(callerAccountId);
        ResourceTags.Add(Fleet.Tags, tags, $"Fleet {_key.Name}");
        await state.WriteStateAsync();
    }

    async Task ITaggedResourceGrain.UntagAsync(string callerAccountId, IReadOnlyList<string> tagKeys)
    {
        ResourceTags.CheckKeys(tagKeys);
        RequireOwnedBy(callerAccountId);
        if (ResourceTags.Remove(Fleet.Tags, tagKeys))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyDictionary<string, string>> ITaggedResourceGrain.ListTagsAsync(string callerAccountId)
    {
        RequireOwnedBy(callerAccountId);
        return Task.FromResult(ResourceTags.Copy(Fleet.Tags));
    }

    /// <summary>Tag calls name the fleet by ARN, which may name another account's: to the caller, that one does not exist.</summary>
    private void RequireOwnedBy(string callerAccountId)
    {
        if (!Fleet.Exists || callerAccountId != _key.Owner)
        {
            throw NotFound(_key with { Owner = callerAccountId });
        }
    }
}
