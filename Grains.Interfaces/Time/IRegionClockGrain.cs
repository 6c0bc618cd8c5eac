namespace RegionSim.Time;

/// <summary>
/// The clock of one region (key: the region code): which grains in the region have work due, and when.
/// The simulation clock moves every region's clock; a region's clock wakes only the grains whose time
/// has come.
/// </summary>
[Alias("RegionSim.IRegionClockGrain")]
public interface IRegionClockGrain : IGrainWithStringKey
{
    /// <summary>Asks for <paramref name="grain"/> to be woken at <paramref name="due"/> (the earlier of two asks wins).</summary>
    [Alias("Schedule"), AlwaysInterleave]
    Task ScheduleAsync(GrainId grain, DateTimeOffset due);

    [Alias("NextDue"), AlwaysInterleave]
    Task<DateTimeOffset?> GetNextDueAsync();

    /// <summary>Wakes every grain due at or before <paramref name="now"/>; answers the next due time.</summary>
    [Alias("RunDue")]
    Task<DateTimeOffset?> RunDueAsync(DateTimeOffset now);
}
