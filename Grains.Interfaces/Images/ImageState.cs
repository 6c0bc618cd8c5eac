namespace RegionSim.Images;

/// <summary>The life of an image (wire values PENDING, AVAILABLE, ...).</summary>
[GenerateSerializer]
public enum ImageState
{
    Pending,
    Available,
    Failed,
    Copying,
    Deleting,
    Creating,
    Importing,
    Validating,
}
