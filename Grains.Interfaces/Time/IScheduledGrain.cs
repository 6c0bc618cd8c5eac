namespace RegionSim.Time;

/// <summary>
/// A grain with work in simulated time (a copy finishing, an instance booting, a session ending).
/// Its region's clock wakes it when that time has come.
/// </summary>
[Alias("RegionSim.IScheduledGrain")]
public interface IScheduledGrain : IGrainWithStringKey
{
    /// <summary>
    /// Does everything due by <paramref name="now"/> and answers when the grain next needs to run, or
    /// null when it has nothing pending. A wake-up with nothing due is harmless.
    /// </summary>
    [Alias("OnDue")]
    Task<DateTimeOffset?> OnDueAsync(DateTimeOffset now);
}
