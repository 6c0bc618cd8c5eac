namespace RegionSim.ImageBuilders;

[GenerateSerializer]
public enum ImageBuilderStateChangeReasonCode
{
    InternalError,
    ImageUnavailable,
}
