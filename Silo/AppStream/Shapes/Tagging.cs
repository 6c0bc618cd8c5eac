namespace RegionSim.Silo.AppStream.Shapes;

// Wire shapes of TagResource, UntagResource and ListTagsForResource; the grain of the resource the
// ARN names takes the tags themselves.

public sealed record TagResourceRequest
{
    public string? ResourceArn { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record UntagResourceRequest
{
    public string? ResourceArn { get; init; }
    public IReadOnlyList<string>? TagKeys { get; init; }
}

public sealed record ListTagsForResourceRequest
{
    public string? ResourceArn { get; init; }
}

public sealed record ListTagsForResourceResponse
{
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
