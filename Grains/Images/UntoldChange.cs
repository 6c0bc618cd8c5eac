namespace RegionSim.Images;

/// <summary>
/// A permission change its recipient has not been told of yet: the version of the image's view the
/// recipient's account must hear of, and the recipient's fleets that must still hear they may no longer use
/// the image. Stored with the change and removed once told, so that a silo dying in between leaves the
/// telling to be finished rather than lost.
/// </summary>
[GenerateSerializer, Alias("RegionSim.UntoldChange")]
public sealed class UntoldChange
{
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public HashSet<string> Fleets { get; set; } = new(StringComparer.Ordinal);
}
