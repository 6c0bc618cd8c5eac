namespace RegionSim.Fleets;

[GenerateSerializer, Immutable, Alias("RegionSim.VolumeConfig")]
public sealed record VolumeConfig
{
    [Id(0)] public int? VolumeSizeInGb { get; init; }
}
