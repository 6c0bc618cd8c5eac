using RegionSim.Errors;
using RegionSim.Validation;

namespace RegionSim.Resources;

/// <summary>
/// The rules of TagResource and UntagResource, for every grain that keeps a resource's tags. The request
/// is checked before the grain looks at the resource (a malformed request is refused whatever it names).
/// </summary>
internal static class ResourceTags
{
    public const int MaxTags = 50;

    /// <summary>TagResource's tags: 1-50 of them, keys and values of the model's shapes.</summary>
    public static IReadOnlyDictionary<string, string> CheckTags(IReadOnlyDictionary<string, string>? tags) =>
        Check.Tags(Check.Required(tags, "Tags"), "Tags")!;

    /// <summary>UntagResource's keys: 1-50 of them, each a tag key.</summary>
    public static IReadOnlyList<string> CheckKeys(IReadOnlyList<string>? tagKeys)
    {
        if (Check.Required(tagKeys, "TagKeys").Count is < 1 or > MaxTags)
        {
            throw AppStreamException.Invalid($"1 validation error detected: Value at 'TagKeys' failed to satisfy constraint: Member must have between 1 and {MaxTags} items");
        }

        foreach (var key in tagKeys!)
        {
            Check.TagKey(key, "TagKeys");
        }

        return tagKeys;
    }

    /// <summary>Adds checked tags to <paramref name="held"/>, overwriting values; refused past <see cref="MaxTags"/> in all.</summary>
    public static void Add(Dictionary<string, string> held, IReadOnlyDictionary<string, string> tags, string resource)
    {
        if (held.Keys.Union(tags.Keys).Count() > MaxTags)
        {
            throw AppStreamException.LimitExceeded($"{resource} would have more than {MaxTags} tags.");
        }

        foreach (var (key, value) in tags)
        {
            held[key] = value;
        }
    }

    /// <summary>Removes checked keys from <paramref name="held"/>; answers whether any was there.</summary>
    public static bool Remove(Dictionary<string, string> held, IReadOnlyList<string> tagKeys)
    {
        var removed = false;
        foreach (var key in tagKeys)
        {
            removed |= held.Remove(key);
        }

        return removed;
    }

    public static IReadOnlyDictionary<string, string> Copy(Dictionary<string, string> held) => new Dictionary<string, string>(held, StringComparer.Ordinal);
}
