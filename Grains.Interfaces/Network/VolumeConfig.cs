namespace RegionSim.Network;

/// <summary>The root volume of an image builder or fleet instance.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.VolumeConfig")]
public sealed record VolumeConfig
{
    [Id(0)] public int? VolumeSizeInGb { get; init; }
}
