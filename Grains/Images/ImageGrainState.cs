namespace RegionSim.Images;

[GenerateSerializer, Alias("RegionSim.ImageGrainState")]
public sealed class ImageGrainState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public ImageContent? Content { get; set; }
    [Id(2)] public ImageState State { get; set; }
    [Id(3)] public ImageStateChangeReason? StateChangeReason { get; set; }
    [Id(4)] public string? DisplayName { get; set; }
    [Id(5)] public string? Description { get; set; }
    [Id(6)] public DateTimeOffset CreatedTime { get; set; }

    /// <summary>When the state the image is in (COPYING, PENDING, DELETING) ends.</summary>
    [Id(7)] public DateTimeOffset? TransitionDue { get; set; }

    /// <summary>The accounts the image is shared with, and what each may do.</summary>
    [Id(8)] public Dictionary<string, ImagePermissions> SharedWith { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The fleets (by grain key) that use the image.</summary>
    [Id(9)] public HashSet<string> Fleets { get; set; } = new(StringComparer.Ordinal);

    [Id(10)] public Dictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The ARN of the image this one was copied from.</summary>
    [Id(11)] public string? CopiedFrom { get; set; }

    /// <summary>Counts the changes its viewers see (state, sharing): the version of the views accounts keep.</summary>
    [Id(12)] public long ViewSequence { get; set; }

    /// <summary>Permission changes not yet told to their recipient (its account, its fleets that lost the image), by recipient.</summary>
    [Id(13)] public Dictionary<string, UntoldChange> Untold { get; set; } = new(StringComparer.Ordinal);
}
