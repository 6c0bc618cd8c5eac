namespace RegionSim.Time;

/// <summary>
/// The one simulation clock of a cluster (key <see cref="Key"/>). Moving it runs, in time order, all
/// the work due in every region up to the new time, then answers.
/// </summary>
[Alias("RegionSim.ISimulationClockGrain")]
public interface ISimulationClockGrain : IGrainWithStringKey
{
    public const string Key = "global";

    [Alias("Now"), AlwaysInterleave]
    Task<DateTimeOffset> GetNowAsync();

    /// <summary>Moves simulated time on by <paramref name="span"/>; answers the new time once everything due by then has happened.</summary>
    [Alias("AdvanceBy")]
    Task<DateTimeOffset> AdvanceByAsync(TimeSpan span);

    /// <summary>Moves simulated time to <paramref name="target"/> (never backwards).</summary>
    [Alias("AdvanceTo")]
    Task<DateTimeOffset> AdvanceToAsync(DateTimeOffset target);

    /// <summary>What every active silo's clock shows, by silo address: the same time on all of them.</summary>
    [Alias("SiloClocks"), AlwaysInterleave]
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetSiloClocksAsync();

    [Alias("GetTimings"), AlwaysInterleave]
    Task<SimulationTimings> GetTimingsAsync();

    /// <summary>Sets how long simulated work takes from now on; work already scheduled keeps its time.</summary>
    [Alias("SetTimings")]
    Task SetTimingsAsync(SimulationTimings timings);
}
