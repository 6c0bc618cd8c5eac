namespace RegionSim.ImageBuilders;

[GenerateSerializer, Immutable, Alias("RegionSim.ImageBuilderStateChangeReason")]
public sealed record ImageBuilderStateChangeReason
{
    [Id(0)] public ImageBuilderStateChangeReasonCode? Code { get; init; }
    [Id(1)] public string? Message { get; init; }
}
