namespace RegionSim.Fleets;

/// <summary>The instance types AppStream 2.0 offers for fleets and image builders, as its documentation lists them.</summary>
public static class StreamingInstanceTypes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "stream.standard.small", "stream.standard.medium", "stream.standard.large", "stream.standard.xlarge", "stream.standard.2xlarge",
        "stream.compute.large", "stream.compute.xlarge", "stream.compute.2xlarge", "stream.compute.4xlarge", "stream.compute.8xlarge",
        "stream.memory.large", "stream.memory.xlarge", "stream.memory.2xlarge", "stream.memory.4xlarge", "stream.memory.8xlarge",
        "stream.memory.z1d.large", "stream.memory.z1d.xlarge", "stream.memory.z1d.2xlarge", "stream.memory.z1d.3xlarge",
        "stream.memory.z1d.6xlarge", "stream.memory.z1d.12xlarge",
        "stream.graphics-design.large", "stream.graphics-design.xlarge", "stream.graphics-design.2xlarge", "stream.graphics-design.4xlarge",
        "stream.graphics-desktop.2xlarge",
        "stream.graphics.g4dn.xlarge", "stream.graphics.g4dn.2xlarge", "stream.graphics.g4dn.4xlarge", "stream.graphics.g4dn.8xlarge",
        "stream.graphics.g4dn.12xlarge", "stream.graphics.g4dn.16xlarge",
        "stream.graphics.g5.xlarge", "stream.graphics.g5.2xlarge", "stream.graphics.g5.4xlarge", "stream.graphics.g5.8xlarge",
        "stream.graphics.g5.12xlarge", "stream.graphics.g5.16xlarge", "stream.graphics.g5.24xlarge",
        "stream.graphics-pro.4xlarge", "stream.graphics-pro.8xlarge", "stream.graphics-pro.16xlarge",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string instanceType) => Known.Contains(instanceType);
}
