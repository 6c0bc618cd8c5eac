using RegionSim.Regions;

namespace RegionSim.Simulation;

/// <summary>
/// Steps the fleets of one region in a load simulation. Each step calls, in parallel, the fleets that
/// have something due before it ends; then gives back the slots they freed and asks the region for the
/// slots they want, in the order of their keys, so that who gets the last instances never depends on
/// which call finished first. The grants reach the fleets with their next step. What it holds lives in memory
/// only: an activation that was never begun (its silo died) says so, and the runner begins it again.
/// </summary>
public sealed class RegionSimulationGrain : Grain, IRegionSimulationGrain
{
    private readonly List<SimulatedFleet> _fleets = [];
    private readonly List<SimulatedFleet> _due = [];
    private TimeSpan _step;
    private DateTimeOffset _previous;
    private bool _begun;

    Task IRegionSimulationGrain.BeginAsync(IReadOnlyList<string> fleets, DateTimeOffset from)
    {
        _fleets.Clear();
        foreach (var key in fleets.Order(StringComparer.Ordinal))
        {
            _fleets.Add(new SimulatedFleet(key, GrainFactory.GetGrain<IFleetSimulationGrain>(key)) { Last = new FleetStepResult { Sample = default, InstanceType = "", NextDue = from } });
        }

        _previous = from;
        _step = TimeSpan.Zero;
        _begun = true;
        return Task.CompletedTask;
    }

    async Task<RegionStepResult> IRegionSimulationGrain.StepAsync(DateTimeOffset until)
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
            if (fleet.Last.IsDueBy(until))
            {
                _due.Add(fleet);
            }
        }

        var calls = new Task<FleetStepResult>[_due.Count];
        for (var i = 0; i < _due.Count; i++)
        {
            var fleet = _due[i];
            calls[i] = fleet.Grain.StepAsync(new FleetStep { Until = until, Length = _step, SlotsGranted = fleet.SlotsGranted, SlotsAsked = fleet.Last.SlotsWanted });
        }

        var results = await Task.WhenAll(calls);
        var returns = new List<InstanceLease>();
        var leases = new List<InstanceLease>();
        var asking = new List<SimulatedFleet>();
        for (var i = 0; i < _due.Count; i++)
        {
            var (fleet, result) = (_due[i], results[i]);
            fleet.Last = result;
            fleet.LastStepped = until;
            fleet.SlotsGranted = 0;
            if (result.SlotsReturned > 0)
            {
                returns.Add(new InstanceLease { Holder = fleet.Key, InstanceType = result.InstanceType, Count = result.SlotsReturned });
            }

            if (result.SlotsWanted > 0)
            {
                // _fleets is in key order and _due keeps it, so the requests are too.
                leases.Add(new InstanceLease { Holder = fleet.Key, InstanceType = result.InstanceType, Count = result.SlotsWanted });
                asking.Add(fleet);
            }
        }

        var grainCalls = _due.Count;
        if (returns.Count > 0 || leases.Count > 0)
        {
            var granted = await GrainFactory.GetGrain<IRegionGrain>(this.GetPrimaryKeyString()).ExchangeInstancesAsync(returns, leases);
            grainCalls++;
            for (var i = 0; i < asking.Count; i++)
            {
                asking[i].SlotsGranted = granted[i];
            }
        }

        var sample = default(FleetSample);
        foreach (var fleet in _fleets)
        {
            sample += fleet.LastStepped == until ? fleet.Last.Sample : fleet.Last.Sample.Quiet();
        }

        return new RegionStepResult { Sample = sample, GrainCalls = grainCalls };
    }

    private sealed class SimulatedFleet(string key, IFleetSimulationGrain grain)
    {
        public string Key { get; } = key;
        public IFleetSimulationGrain Grain { get; } = grain;
        /// <summary>The fleet's answer to its last step: its sample, when it is next due, the slots it asked for.</summary>
        public FleetStepResult Last { get; set; }

        /// <summary>The region's grant for the slots the fleet last asked for, sent with its next step.</summary>
        public int SlotsGranted { get; set; }
        public DateTimeOffset LastStepped { get; set; }
    }
}
