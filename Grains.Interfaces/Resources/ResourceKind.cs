namespace RegionSim.Resources;

/// <summary>The kinds of resource an account names; names are unique per account, region and kind.</summary>
[GenerateSerializer]
public enum ResourceKind
{
    Image,
    ImageBuilder,
    Fleet,
    Stack,
}

public static class ResourceKindNames
{
    /// <summary>The resource type as it appears in an ARN (<c>image-builder/name</c>).</summary>
    public static string ArnType(this ResourceKind kind) => kind switch
    {
        ResourceKind.Image => "image",
        ResourceKind.ImageBuilder => "image-builder",
        ResourceKind.Fleet => "fleet",
        ResourceKind.Stack => "stack",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The word a person reads in a message ("image builder").</summary>
    public static string Noun(this ResourceKind kind) => kind switch
    {
        ResourceKind.ImageBuilder => "image builder",
        _ => kind.ArnType(),
    };

    public static string WithArticle(this ResourceKind kind) =>
        kind == ResourceKind.Image || kind == ResourceKind.ImageBuilder ? $"an {kind.Noun()}" : $"a {kind.Noun()}";

    public static ResourceKind? FromArnType(string type) => type switch
    {
        "image" => ResourceKind.Image,
        "image-builder" => ResourceKind.ImageBuilder,
        "fleet" => ResourceKind.Fleet,
        "stack" => ResourceKind.Stack,
        _ => null,
    };
}
