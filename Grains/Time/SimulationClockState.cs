namespace RegionSim.Time;

[GenerateSerializer, Alias("RegionSim.SimulationClockState")]
public sealed class SimulationClockState
{
    [Id(0)] public DateTimeOffset? Now { get; set; }
    [Id(1)] public SimulationTimings Timings { get; set; } = SimulationTimings.Default;
}
