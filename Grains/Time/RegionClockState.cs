namespace RegionSim.Time;

[GenerateSerializer, Alias("RegionSim.RegionClockState")]
public sealed class RegionClockState
{
    /// <summary>The grains with work due, by grain id, and when; a grain being woken stays until its wake-up has returned.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset> Due { get; set; } = new(StringComparer.Ordinal);
}
