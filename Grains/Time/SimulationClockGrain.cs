using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegionSim.Regions;

namespace RegionSim.Time;

/// <summary>
/// Moves simulated time for the cluster. Between the current time and the target it visits, in order,
/// each moment at which some region has work due, sets the clock to it and lets the regions run it.
/// </summary>
public sealed class SimulationClockGrain(
    [PersistentState("simulationClock", StorageNames.Default)] IPersistentState<SimulationClockState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    SimulationClockReplicas clocks,
    ILogger<SimulationClockGrain> logger) : Grain, ISimulationClockGrain
{
    // A guard against work that keeps rescheduling itself at the same instant.
    private const int MaxMomentsPerAdvance = 10_000_000;

    // Made once per region: making a grain reference resolves its interface's type every time, and the clock
    // asks every region at every step.
    private readonly Dictionary<string, IRegionClockGrain> _regionClocks = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart, or on another silo after this one's died, the clock carries on from where the
        // cluster had got to, never earlier.
        var now = state.State.Now is { } persisted && persisted > time.GetUtcNow() ? persisted : time.GetUtcNow();
        await clocks.MoveAllAsync(now, state.State.Timings);
    }

    Task<DateTimeOffset> ISimulationClockGrain.GetNowAsync() => Task.FromResult(time.GetUtcNow());

    Task<DateTimeOffset> ISimulationClockGrain.AdvanceByAsync(TimeSpan span) =>
        span < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(span), span, "Simulated time only moves forwards.")
            : AdvanceToAsync(time.GetUtcNow() + span);

    Task<DateTimeOffset> ISimulationClockGrain.AdvanceToAsync(DateTimeOffset target) => AdvanceToAsync(target);

    Task<IReadOnlyDictionary<string, DateTimeOffset>> ISimulationClockGrain.GetSiloClocksAsync() => clocks.ReadAllAsync();

    Task<SimulationTimings> ISimulationClockGrain.GetTimingsAsync() => Task.FromResult(state.State.Timings);

    async Task ISimulationClockGrain.SetTimingsAsync(SimulationTimings timings)
    {
        state.State.Timings = timings;
        await clocks.MoveAllAsync(time.GetUtcNow(), timings);
        await state.WriteStateAsync();
    }

    private async Task<DateTimeOffset> AdvanceToAsync(DateTimeOffset target)
    {
        var moments = 0;
        while (await NextMomentAsync(target) is { } next)
        {
            if (++moments > MaxMomentsPerAdvance)
            {
                logger.LogError("Stopped advancing at {Moment}: work keeps falling due at the same instant", next.Moment);
                break;
            }

            await clocks.MoveAllAsync(next.Moment, state.State.Timings);
            await Task.WhenAll(next.Regions.Select(region => RegionClock(region).RunDueAsync(next.Moment)));
        }

        await clocks.MoveAllAsync(target, state.State.Timings);
        state.State.Now = time.GetUtcNow();
        await state.WriteStateAsync();
        return state.State.Now.Value;
    }

    /// <summary>The earliest moment, no later than <paramref name="target"/>, at which regions have work due, and those regions.</summary>
    private async Task<(DateTimeOffset Moment, IReadOnlyList<string> Regions)?> NextMomentAsync(DateTimeOffset target)
    {
        var due = await Task.WhenAll(AwsRegions.Codes.Select(async region =>
            (Region: region, Due: await RegionClock(region).GetNextDueAsync())));
        var pending = due.Where(r => r.Due <= target).ToList();
        if (pending.Count == 0)
        {
            return null;
        }

        // Work overdue from before the current time runs now: the clock never goes back.
        var moment = pending.Min(r => r.Due!.Value);
        moment = moment < time.GetUtcNow() ? time.GetUtcNow() : moment;
        return (moment, pending.Where(r => r.Due <= moment).Select(r => r.Region).ToList());
    }

    private IRegionClockGrain RegionClock(string region)
    {
        if (!_regionClocks.TryGetValue(region, out var clock))
        {
            clock = GrainFactory.GetGrain<IRegionClockGrain>(region);
            _regionClocks.Add(region, clock);
        }

        return clock;
    }
}
