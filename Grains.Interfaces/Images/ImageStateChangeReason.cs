namespace RegionSim.Images;

[GenerateSerializer, Immutable, Alias("RegionSim.ImageStateChangeReason")]
public sealed record ImageStateChangeReason
{
    [Id(0)] public ImageStateChangeReasonCode? Code { get; init; }
    [Id(1)] public string? Message { get; init; }
}
