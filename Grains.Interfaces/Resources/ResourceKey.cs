using RegionSim.Errors;

namespace RegionSim.Resources;

/// <summary>
/// The grain key of a regional resource: <c>region/owner/name</c>. Public AWS images have the owner
/// <see cref="AwsOwner"/>; their ARNs have an empty account field, as AWS forms them.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ResourceKey")]
public readonly record struct ResourceKey(
    [property: Id(0)] string Region,
    [property: Id(1)] string Owner,
    [property: Id(2)] string Name)
{
    public const string AwsOwner = "aws";

    public bool IsPublic => Owner == AwsOwner;

    public string Arn(ResourceKind kind) =>
        $"arn:aws:appstream:{Region}:{(IsPublic ? "" : Owner)}:{kind.ArnType()}/{Name}";

    public override string ToString() => $"{Region}/{Owner}/{Name}";

    public static ResourceKey Parse(string key)
    {
        var parts = key.Split('/', 3);
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"'{key}' is not a resource key of the form region/owner/name.", nameof(key));
        }

        return new ResourceKey(parts[0], parts[1], parts[2]);
    }

    public static ResourceKey Public(string region, string name) => new(region, AwsOwner, name);
}
