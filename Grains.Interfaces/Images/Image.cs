namespace RegionSim.Images;

/// <summary>
/// An image as one account sees it: the wire's <c>Image</c> shape. Visibility and
/// <see cref="ImagePermissions"/> depend on the viewer (the owner sees PRIVATE, a recipient SHARED
/// with what it was granted).
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.Image")]
public sealed record Image
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public string? Arn { get; init; }
    [Id(2)] public string? BaseImageArn { get; init; }
    [Id(3)] public string? DisplayName { get; init; }
    [Id(4)] public ImageState? State { get; init; }
    [Id(5)] public VisibilityType? Visibility { get; init; }
    [Id(6)] public bool? ImageBuilderSupported { get; init; }
    [Id(7)] public string? ImageBuilderName { get; init; }
    [Id(8)] public PlatformType? Platform { get; init; }
    [Id(9)] public string? Description { get; init; }
    [Id(10)] public ImageStateChangeReason? StateChangeReason { get; init; }
    [Id(11)] public IReadOnlyList<Application>? Applications { get; init; }
    [Id(12)] public DateTimeOffset? CreatedTime { get; init; }
    [Id(13)] public DateTimeOffset? PublicBaseImageReleasedDate { get; init; }
    [Id(14)] public string? AppstreamAgentVersion { get; init; }
    [Id(15)] public ImagePermissions? ImagePermissions { get; init; }
    [Id(16)] public string? LatestAppstreamAgentVersion { get; init; }
    [Id(17)] public string? ImageSharedWithOthers { get; init; }
    [Id(18)] public string? DynamicAppProvidersEnabled { get; init; }
}
