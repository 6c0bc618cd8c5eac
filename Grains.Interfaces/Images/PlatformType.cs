using System.Text.Json.Serialization;

namespace RegionSim.Images;

/// <summary>The operating system of an image, fleet or builder.</summary>
[GenerateSerializer]
public enum PlatformType
{
    Windows,
    [JsonStringEnumMemberName("WINDOWS_SERVER_2016")] WindowsServer2016,
    [JsonStringEnumMemberName("WINDOWS_SERVER_2019")] WindowsServer2019,
    [JsonStringEnumMemberName("WINDOWS_SERVER_2022")] WindowsServer2022,
    [JsonStringEnumMemberName("WINDOWS_SERVER_2025")] WindowsServer2025,
    [JsonStringEnumMemberName("AMAZON_LINUX2")] AmazonLinux2,
    [JsonStringEnumMemberName("RHEL8")] Rhel8,
    [JsonStringEnumMemberName("ROCKY_LINUX8")] RockyLinux8,
    [JsonStringEnumMemberName("UBUNTU_PRO_2404")] UbuntuPro2404,
}
