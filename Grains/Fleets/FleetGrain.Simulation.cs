using RegionSim.Errors;
using RegionSim.Sessions;
using RegionSim.Simulation;
using RegionSim.Stacks;

namespace RegionSim.Fleets;

/// <summary>
/// The fleet in a load simulation (<see cref="IFleetSimulationGrain"/>). Once it has simulated users, the
/// simulation steps it and its region's clock no longer wakes it; its region's simulation decides its
/// requests for capacity together with its neighbours', so runs repeat exactly. Its state is stored when
/// the users leave, not at every step: nothing outside the simulation reads it in between, and writing a
/// busy fleet costs many times what a step does. So a fleet whose silo dies loses its users, its sessions
/// since it was last stored, and its count of the day; <see cref="IFleetSimulationGrain.ResumeAsync"/>
/// starts it over with new users, and settles with the region the instance slots it holds. Nor is it
/// watched (see FleetGrain.Watch): its view changes at every step, and telling its account each would
/// cost the simulation a call per step.
/// </summary>
public sealed partial class FleetGrain
{
    private SimulatedFleetUsers? _users;

    private bool DrivenBySimulation => _users is not null;

    Task IFleetSimulationGrain.AttachUsersAsync(UserDemand users, int seed, DateTimeOffset from) => AttachUsersAsync(users, seed, from);

    async Task<bool> IFleetSimulationGrain.ResumeAsync(UserDemand users, int seed, DateTimeOffset from)
    {
        var restarted = _users is null;
        if (restarted)
        {
            await AttachUsersAsync(users, seed, from);
        }

        // The region counts what it granted and was given back; a grant on its way to the fleet, or a return on
        // its way to the region, may have been lost with a silo. The fleet takes what was granted and it still
        // wants, and the region takes back the rest: afterwards both count the same slots.
        var wanted = _engine.SlotsToLease;
        var granted = await Region.SettleSlotsAsync(Lease(Fleet.Slots), wanted);
        if (granted > 0)
        {
            _engine.SlotsGranted(granted, wanted);
        }

        return restarted;
    }

    private async Task AttachUsersAsync(UserDemand users, int seed, DateTimeOffset from)
    {
        RequireExists();
        if (Settings.FleetType == FleetType.Elastic)
        {
            throw AppStreamException.NotPermitted($"Fleet {_key.Name} is ELASTIC; load simulations run ALWAYS_ON and ON_DEMAND fleets.");
        }

        var setup = await GrainFactory.GetStack(_key.Region, _key.Owner, users.Stack, "Stack").GetSessionSetupAsync(_key.Name, SimulatedFleetUsers.RequestUser);
        if (!setup.Associated)
        {
            throw AppStreamException.NotPermitted($"Stack {users.Stack} is not associated with fleet {_key.Name}.");
        }

        Advance();
        _users = new SimulatedFleetUsers(_key, users, seed, setup, from);
        await StopWatchAsync();
    }

    async Task<FleetStepResult> IFleetSimulationGrain.StepAsync(FleetStep step)
    {
        var users = _users ?? throw UsersLost();
        _engine.Timings = clock.Timings;
        var result = users.Step(_engine, step);
        if (_engine.TakeProfileSaves() is { } saves)
        {
            await Task.WhenAll(saves.GroupBy(save => save.StackName).Select(stack =>
                GrainFactory.GetStack(_key.Region, _key.Owner, stack.Key).SaveProfilesAsync(stack.ToList())));
        }

        return result;
    }

    async Task IFleetSimulationGrain.DetachUsersAsync()
    {
        if (_users is null)
        {
            return;
        }

        _users = null;
        Advance();
        await SettleAsync();
    }

    Task<FleetTotals> IFleetSimulationGrain.GetTotalsAsync(DateTimeOffset end) => Task.FromResult((_users ?? throw UsersLost()).Totals(_key.ToString(), _engine, end));

    private SimulationStateLostException UsersLost() =>
        new($"Fleet {_key} has no simulated users: it was never given any, or they were lost with the silo that held them.");
}
