namespace RegionSim.Time;

/// <summary>
/// Simulated time in one silo. Only the simulation clock grain moves it, and only forwards. It is the
/// silo's grain clock (the <see cref="TimeProvider"/> keyed <see cref="TimeProviderNames.Grains"/>), so
/// grains never see the wall clock; Orleans' own maintenance keeps real time.
/// </summary>
public sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;
    private SimulationTimings _timings = SimulationTimings.Default;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>How long simulated work takes, as the simulation clock grain last set it.</summary>
    public SimulationTimings Timings
    {
        get => Volatile.Read(ref _timings);
        set => Volatile.Write(ref _timings, value);
    }

    /// <summary>Sets the clock to the cluster's time when this silo joins, whichever way that moves it.</summary>
    public void Synchronize(DateTimeOffset time) => Interlocked.Exchange(ref _utcTicks, time.UtcTicks);

    /// <summary>Moves the clock to <paramref name="time"/>; a time before the current one is ignored.</summary>
    public void MoveTo(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        var current = Interlocked.Read(ref _utcTicks);
        while (ticks > current)
        {
            var seen = Interlocked.CompareExchange(ref _utcTicks, ticks, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
