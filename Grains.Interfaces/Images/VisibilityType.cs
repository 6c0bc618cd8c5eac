namespace RegionSim.Images;

/// <summary>Who an image belongs to, as DescribeImages filters it: AWS, the caller, or another account that shared it.</summary>
[GenerateSerializer]
public enum VisibilityType
{
    Public,
    Private,
    Shared,
}
