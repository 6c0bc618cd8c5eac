namespace RegionSim.Time;

/// <summary>How a grain asks its region's clock to wake it.</summary>
internal static class RegionClocks
{
    public static Task WakeAtAsync(this IGrainFactory grains, string region, GrainId grain, DateTimeOffset due) =>
        grains.GetGrain<IRegionClockGrain>(region).ScheduleAsync(grain, due);
}
