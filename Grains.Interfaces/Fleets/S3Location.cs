namespace RegionSim.Fleets;

[GenerateSerializer, Immutable, Alias("RegionSim.S3Location")]
public sealed record S3Location
{
    [Id(0)] public string? S3Bucket { get; init; }
    [Id(1)] public string? S3Key { get; init; }
}
