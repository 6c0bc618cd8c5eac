namespace RegionSim.Images;

/// <summary>
/// An image to be made (by an image builder, a managed update, or a scenario that starts from one):
/// what it contains and how it is labelled.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.NewImage")]
public sealed record NewImage
{
    [Id(0)] public required ImageContent Content { get; init; }
    [Id(1)] public string? DisplayName { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The state the image starts in: PENDING for Image Assistant, CREATING for managed updates.</summary>
    [Id(4)] public ImageState InitialState { get; init; } = ImageState.Pending;
}
