using RegionSim.Resources;

namespace RegionSim.Accounts;

/// <summary>A copy the account counts among those in flight to a region: the image it copies, and when it was asked for.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.CopyInFlight")]
public sealed record CopyInFlight
{
    [Id(0)] public required ResourceKey Source { get; init; }
    [Id(1)] public required DateTimeOffset Since { get; init; }
}
