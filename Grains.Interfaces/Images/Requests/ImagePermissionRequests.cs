namespace RegionSim.Images;

[GenerateSerializer, Immutable, Alias("RegionSim.UpdateImagePermissionsRequest")]
public sealed record UpdateImagePermissionsRequest
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? SharedAccountId { get; init; }
    [Id(2)] public ImagePermissions? ImagePermissions { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DeleteImagePermissionsRequest")]
public sealed record DeleteImagePermissionsRequest
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? SharedAccountId { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeImagePermissionsRequest")]
public sealed record DescribeImagePermissionsRequest
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public int? MaxResults { get; init; }
    [Id(2)] public IReadOnlyList<string>? SharedAwsAccountIds { get; init; }
    [Id(3)] public string? NextToken { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DescribeImagePermissionsResponse")]
public sealed record DescribeImagePermissionsResponse
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required IReadOnlyList<SharedImagePermissions> SharedImagePermissionsList { get; init; }
    [Id(2)] public string? NextToken { get; init; }
}
