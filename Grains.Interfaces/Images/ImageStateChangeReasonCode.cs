namespace RegionSim.Images;

[GenerateSerializer]
public enum ImageStateChangeReasonCode
{
    InternalError,
    ImageBuilderNotAvailable,
    ImageCopyFailure,
    ImageUpdateFailure,
    ImageImportFailure,
}
