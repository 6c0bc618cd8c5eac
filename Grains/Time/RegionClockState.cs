namespace RegionSim.Time;

[GenerateSerializer, Alias("RegionSim.RegionClockState")]
public sealed class RegionClockState
{
    /// <summary>The grains with work due, by grain id, and when.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset> Due { get; set; } = new(StringComparer.Ordinal);
}
