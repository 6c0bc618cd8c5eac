using Microsoft.Extensions.Logging;
using RegionSim.Errors;

namespace RegionSim.Time;

/// <summary>
/// Which grains of a region have work due. Scheduling interleaves with a run in progress, because the
/// grains it wakes ask to be woken again. The stored schedule keeps a grain until its wake-up has
/// returned, so that a silo dying in the middle of a run (this clock's or the woken grain's) leaves the
/// grain to be woken again rather than forgotten; a wake-up is harmless when nothing is due.
/// </summary>
public sealed class RegionClockGrain(
    [PersistentState("regionClock", StorageNames.Default)] IPersistentState<RegionClockState> state,
    SimulationClock clock,
    ILogger<RegionClockGrain> logger) : Grain, IRegionClockGrain
{
    // What is scheduled and not being woken now; the stored state also holds the grains being woken.
    private readonly SortedSet<(DateTimeOffset Due, string Grain)> _queue = [];
    private readonly Dictionary<string, DateTimeOffset> _scheduled = new(StringComparer.Ordinal);
    private readonly SerialWriter _writer = new(state);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (grain, due) in state.State.Due)
        {
            _queue.Add((due, grain));
            _scheduled[grain] = due;
        }

        return Task.CompletedTask;
    }

    Task IRegionClockGrain.ScheduleAsync(GrainId grain, DateTimeOffset due) =>
        Enqueue(grain.ToString(), due) ? _writer.WriteAsync() : Task.CompletedTask;

    Task<DateTimeOffset?> IRegionClockGrain.GetNextDueAsync() => Task.FromResult(NextDue);

    async Task<DateTimeOffset?> IRegionClockGrain.RunDueAsync(DateTimeOffset now)
    {
        var due = _queue.TakeWhile(entry => entry.Due <= now).ToList();
        foreach (var entry in due)
        {
            _queue.Remove(entry);
            _scheduled.Remove(entry.Grain);
        }

        var next = await Task.WhenAll(due.Select(entry => WakeAsync(entry.Grain, now)));
        for (var i = 0; i < due.Count; i++)
        {
            if (next[i] is { } again)
            {
                Enqueue(due[i].Grain, again);
            }
            else if (!_scheduled.ContainsKey(due[i].Grain))
            {
                state.State.Due.Remove(due[i].Grain);
            }
        }

        await _writer.WriteAsync();
        return NextDue;
    }

    private DateTimeOffset? NextDue => _queue.Count == 0 ? null : _queue.Min.Due;

    /// <summary>Keeps the earlier of the grain's scheduled and new due times; answers whether anything changed.</summary>
    private bool Enqueue(string grain, DateTimeOffset due)
    {
        if (_scheduled.TryGetValue(grain, out var existing))
        {
            if (existing <= due)
            {
                return false;
            }

            _queue.Remove((existing, grain));
        }

        _scheduled[grain] = due;
        state.State.Due[grain] = due;
        _queue.Add((due, grain));
        return true;
    }

    private async Task<DateTimeOffset?> WakeAsync(string grain, DateTimeOffset now)
    {
        try
        {
            return await GrainFactory.GetGrain<IScheduledGrain>(GrainId.Parse(grain)).OnDueAsync(now);
        }
        catch (Exception error) when (UndeliveredCall.Is(error))
        {
            // The grain's silo died, or the call was lost on the way: it is woken again a little later.
            logger.LogWarning("Grain {Grain} could not be woken at {Now} ({Error}); trying again later", grain, now, error.Message);
            return now + clock.Timings.RetryAfter;
        }
        catch (Exception error)
        {
            // A grain that fails its own work must not stop the region's clock; it is not woken again.
            logger.LogError(error, "Grain {Grain} failed the work due at {Now}", grain, now);
            return null;
        }
    }
}
