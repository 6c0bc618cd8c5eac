using System.Collections.Concurrent;
using RegionSim.Simulation;

namespace RegionSim.Client.Bench;

/// <summary>
/// The fleets' answers to a load simulation's steps, recorded in one run and given back in a later run of
/// the same scenario without calling the fleets: that run makes every other grain call and does every other
/// piece of work the day does (regions deciding slots, the clock, the timeline's events, the series), but
/// none of the fleets' own work. A grain call filter on the silo, so that no grain knows it is measured.
/// </summary>
/// <remarks>
/// A replay is faithful because the day is deterministic: the same answers make the regions ask the same
/// steps. A step with no recorded answer runs the fleet and is counted in <see cref="Unrecorded"/>, which a
/// faithful replay leaves at zero.
/// </remarks>
public sealed class RecordedFleetSteps : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Fleet, DateTimeOffset Until), FleetStepResult> _answers = new();
    private long _replayed;
    private long _unrecorded;

    /// <summary>Whether steps are answered from the record (else they run and are recorded).</summary>
    public bool Replaying { get; set; }

    public int Recorded => _answers.Count;

    public long Replayed => Interlocked.Read(ref _replayed);

    public long Unrecorded => Interlocked.Read(ref _unrecorded);

    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.DeclaringType != typeof(IFleetSimulationGrain)
            || context.InterfaceMethod.Name != nameof(IFleetSimulationGrain.StepAsync))
        {
            await context.Invoke();
            return;
        }

        var key = (context.TargetId, ((FleetStep)context.Request.GetArgument(0)!).Until);
        if (Replaying && _answers.TryGetValue(key, out var answer))
        {
            Interlocked.Increment(ref _replayed);
            context.Result = answer;
            return;
        }

        if (Replaying)
        {
            Interlocked.Increment(ref _unrecorded);
        }

        await context.Invoke();
        if (!Replaying)
        {
            _answers[key] = (FleetStepResult)context.Result!;
        }
    }
}
