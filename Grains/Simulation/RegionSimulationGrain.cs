using RegionSim.Regions;

namespace RegionSim.Simulation;

/// <summary>
/// Steps the fleets of one region in a load simulation. Each step calls, in parallel, the fleets that
/// have something due before it ends and have not already answered for it (a fleet that needs nothing from
/// the region runs ahead, and answers for several steps at once). Then it gives back the slots its fleets
/// freed and asks the region for the slots they want, in the order of their keys, so that who gets the last
/// instances never depends on which call finished first. The grants reach the fleets with their next step.
/// What it holds lives in memory only: an activation that was never begun (its silo died) says so, and the
/// runner begins it again.
/// </summary>
public sealed class RegionSimulationGrain : Grain, IRegionSimulationGrain
{
    private readonly List<SimulatedFleet> _fleets = [];
    private readonly List<SimulatedFleet> _due = [];
    private IRegionGrain? _region;
    private TimeSpan _step;
    private DateTimeOffset _previous;
    private bool _begun;

    Task IRegionSimulationGrain.BeginAsync(IReadOnlyList<string> fleets, DateTimeOffset from)
    {
        _fleets.Clear();
        foreach (var key in fleets.Order(StringComparer.Ordinal))
        {
            _fleets.Add(new SimulatedFleet(key, GrainFactory.GetGrain<IFleetSimulationGrain>(key), from));
        }

        _previous = from;
        _step = TimeSpan.Zero;
        _begun = true;
        return Task.CompletedTask;
    }

    async Task<RegionStepResult> IRegionSimulationGrain.StepAsync(DateTimeOffset until, DateTimeOffset runAheadUntil)
    {
        if (!_begun)
        {
            throw new SimulationStateLostException($"The simulation of {this.GetPrimaryKeyString()} was not begun here: the silo that held it died.");
        }

        _step = until - _previous;
        _previous = until;
        _due.Clear();
        foreach (var fleet in _fleets)
        {
            if (fleet.IsCalledAt(until, _step))
            {
                _due.Add(fleet);
            }
        }

        var calls = new Task<FleetStepResult>[_due.Count];
        for (var i = 0; i < _due.Count; i++)
        {
            var fleet = _due[i];
            calls[i] = fleet.Grain.StepAsync(fleet.StepAt(until, _step, runAheadUntil));
        }

        var results = await Task.WhenAll(calls);
        for (var i = 0; i < _due.Count; i++)
        {
            _due[i].Answered(results[i], until);
        }

        // Slots change hands at the step a fleet's answer ends with, whenever the fleet was called.
        var returns = new List<InstanceLease>();
        var leases = new List<InstanceLease>();
        var asking = new List<SimulatedFleet>();
        foreach (var fleet in _fleets)
        {
            if (!fleet.AnswerEndsAt(until, _step))
            {
                continue;
            }

            var result = fleet.Last;
            if (result.SlotsReturned > 0)
            {
                returns.Add(new InstanceLease { Holder = fleet.Key, InstanceType = result.InstanceType, Count = result.SlotsReturned });
            }

            if (result.SlotsWanted > 0)
            {
                // _fleets is in key order, so the requests are too.
                leases.Add(new InstanceLease { Holder = fleet.Key, InstanceType = result.InstanceType, Count = result.SlotsWanted });
                asking.Add(fleet);
            }
        }

        var grainCalls = _due.Count;
        if (returns.Count > 0 || leases.Count > 0)
        {
            var granted = await Region.ExchangeInstancesAsync(returns, leases);
            grainCalls++;
            for (var i = 0; i < asking.Count; i++)
            {
                asking[i].SlotsGranted = granted[i];
            }
        }

        var sample = default(FleetSample);
        foreach (var fleet in _fleets)
        {
            sample += fleet.SampleAt(until, _step);
        }

        return new RegionStepResult { Sample = sample, GrainCalls = grainCalls };
    }

    // Made once: making a grain reference resolves its interface's type every time, at every step of the day.
    private IRegionGrain Region => _region ??= GrainFactory.GetGrain<IRegionGrain>(this.GetPrimaryKeyString());

    private sealed class SimulatedFleet(string key, IFleetSimulationGrain grain, DateTimeOffset from) : SteppedFleet(from)
    {
        public string Key { get; } = key;
        public IFleetSimulationGrain Grain { get; } = grain;
    }
}
