namespace RegionSim.Regions;

/// <summary>The AWS Regions where AppStream 2.0 runs.</summary>
public static class AwsRegions
{
    public static IReadOnlyList<AwsRegion> All { get; } =
    [
        new("us-east-1", "US East (N. Virginia)"),
        new("us-east-2", "US East (Ohio)"),
        new("us-west-2", "US West (Oregon)"),
        new("ca-central-1", "Canada (Central)"),
        new("sa-east-1", "South America (São Paulo)"),
        new("eu-west-1", "Europe (Ireland)"),
        new("eu-west-2", "Europe (London)"),
        new("eu-west-3", "Europe (Paris)"),
        new("eu-central-1", "Europe (Frankfurt)"),
        new("ap-northeast-1", "Asia Pacific (Tokyo)"),
        new("ap-northeast-2", "Asia Pacific (Seoul)"),
        new("ap-southeast-1", "Asia Pacific (Singapore)"),
        new("ap-southeast-2", "Asia Pacific (Sydney)"),
        new("ap-south-1", "Asia Pacific (Mumbai)"),
    ];

    public static IReadOnlyList<string> Codes { get; } = All.Select(r => r.Code).ToArray();

    private static readonly HashSet<string> Known = new(Codes, StringComparer.Ordinal);

    public static bool IsKnown(string region) => Known.Contains(region);
}

public sealed record AwsRegion(string Code, string DisplayName);
