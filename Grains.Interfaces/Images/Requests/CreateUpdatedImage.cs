using System.Text.Json.Serialization;

namespace RegionSim.Images;

/// <summary>CreateUpdatedImage; its members are camelCase on the wire, unlike every other operation's.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.CreateUpdatedImageRequest")]
public sealed record CreateUpdatedImageRequest
{
    [Id(0), JsonPropertyName("existingImageName")] public string? ExistingImageName { get; init; }
    [Id(1), JsonPropertyName("newImageName")] public string? NewImageName { get; init; }
    [Id(2), JsonPropertyName("newImageDescription")] public string? NewImageDescription { get; init; }
    [Id(3), JsonPropertyName("newImageDisplayName")] public string? NewImageDisplayName { get; init; }
    [Id(4), JsonPropertyName("newImageTags")] public IReadOnlyDictionary<string, string>? NewImageTags { get; init; }
    [Id(5), JsonPropertyName("dryRun")] public bool? DryRun { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.CreateUpdatedImageResponse")]
public sealed record CreateUpdatedImageResponse
{
    /// <summary>The new image, CREATING; absent for a dry run.</summary>
    [Id(0), JsonPropertyName("image")] public Image? Image { get; init; }

    /// <summary>Whether a new image with newer agent or operating system updates can be made.</summary>
    [Id(1), JsonPropertyName("canUpdateImage")] public bool? CanUpdateImage { get; init; }
}
