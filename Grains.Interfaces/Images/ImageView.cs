using RegionSim.Resources;

namespace RegionSim.Images;

/// <summary>
/// How one account sees an image at one version of the image, as the image tells that account's grain
/// (the account keeps it for DescribeImages and answers from it). Versions order the views of an image:
/// a view never replaces a newer one, whatever order they arrive in.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageView")]
public sealed record ImageView
{
    [Id(0)] public required ResourceKey Key { get; init; }

    /// <summary>When the image was made: a later image of the same name is a newer one whatever its sequence.</summary>
    [Id(1)] public required DateTimeOffset Incarnation { get; init; }

    /// <summary>Counts the changes of the image that its viewers see.</summary>
    [Id(2)] public required long Sequence { get; init; }

    /// <summary>The image as the account sees it; null when the account can't (the image is gone, or no longer shared with it).</summary>
    [Id(3)] public Image? Image { get; init; }

    /// <summary>Until when the view holds by itself: time alone changes it then (a newer agent is released), and the account asks again.</summary>
    [Id(4)] public DateTimeOffset? FreshUntil { get; init; }

    public bool IsNewerThan(ImageView? other) =>
        other is null || Incarnation > other.Incarnation || (Incarnation == other.Incarnation && Sequence > other.Sequence);
}
