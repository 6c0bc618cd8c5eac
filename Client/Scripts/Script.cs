using RegionSim.Client.Scripts.Steps;
using RegionSim.Time;

namespace RegionSim.Client.Scripts;

/// <summary>A script checked and ready to run.</summary>
public sealed record Script
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public required string File { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required DateTimeOffset Start { get; init; }

    /// <summary>The timings the script sets, or null to keep the silo's.</summary>
    public SimulationTimings? Timings { get; init; }

    public required IReadOnlyDictionary<string, string> Accounts { get; init; }
    public required IReadOnlyList<ScriptStep> Steps { get; init; }
}
