namespace RegionSim.Stacks;

[GenerateSerializer, Immutable, Alias("RegionSim.StreamingExperienceSettings")]
public sealed record StreamingExperienceSettings
{
    [Id(0)] public PreferredProtocol? PreferredProtocol { get; init; }
}

[GenerateSerializer]
public enum PreferredProtocol
{
    Tcp,
    Udp,
}
