namespace RegionSim.ImageBuilders;

/// <summary>The instance types an image builder can run on, as the CreateImageBuilder documentation lists them.</summary>
public static class ImageBuilderInstanceTypes
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "stream.standard.small", "stream.standard.medium", "stream.standard.large",
        "stream.compute.large", "stream.compute.xlarge", "stream.compute.2xlarge", "stream.compute.4xlarge", "stream.compute.8xlarge",
        "stream.memory.large", "stream.memory.xlarge", "stream.memory.2xlarge", "stream.memory.4xlarge", "stream.memory.8xlarge",
        "stream.memory.z1d.large", "stream.memory.z1d.xlarge", "stream.memory.z1d.2xlarge", "stream.memory.z1d.3xlarge",
        "stream.memory.z1d.6xlarge", "stream.memory.z1d.12xlarge",
        "stream.graphics.g4dn.xlarge", "stream.graphics.g4dn.2xlarge", "stream.graphics.g4dn.4xlarge", "stream.graphics.g4dn.8xlarge",
        "stream.graphics.g4dn.12xlarge", "stream.graphics.g4dn.16xlarge",
        "stream.graphics.g5.xlarge", "stream.graphics.g5.2xlarge", "stream.graphics.g5.4xlarge", "stream.graphics.g5.8xlarge",
        "stream.graphics.g5.12xlarge", "stream.graphics.g5.16xlarge", "stream.graphics.g5.24xlarge",
        "stream.graphics.g6.xlarge", "stream.graphics.g6.2xlarge", "stream.graphics.g6.4xlarge", "stream.graphics.g6.8xlarge",
        "stream.graphics.g6.12xlarge", "stream.graphics.g6.16xlarge", "stream.graphics.g6.24xlarge",
        "stream.graphics.gr6.4xlarge", "stream.graphics.gr6.8xlarge",
        "stream.graphics.g6f.large", "stream.graphics.g6f.xlarge", "stream.graphics.g6f.2xlarge", "stream.graphics.g6f.4xlarge",
        "stream.graphics.gr6f.4xlarge",
    };
}
