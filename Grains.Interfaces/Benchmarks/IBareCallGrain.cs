namespace RegionSim.Benchmarks;

/// <summary>
/// A grain that does nothing, for measuring what grain calls alone cost on a silo: the yardstick the
/// benchmarks set RegionSim's own work against.
/// </summary>
[Alias("RegionSim.Benchmarks.IBareCallGrain")]
public interface IBareCallGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task<int> PingAsync(int value);

    /// <summary>Pings <paramref name="calls"/> other bare grains at once and waits for all, as a region's simulation steps its fleets.</summary>
    [Alias("FanOut")]
    Task<int> FanOutAsync(int calls);
}
