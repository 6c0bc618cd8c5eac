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
    private DateTimeOffset _lastStep;

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

        var setup = await GrainFactory.GetStack(_key.Region, _key.Owner, users.Stack, "Stack").GetSessionSetupAsync(_key.Name, "simulated-user");
        if (!setup.Associated)
        {
            throw AppStreamException.NotPermitted($"Stack {users.Stack} is not associated with fleet {_key.Name}.");
        }

        var template = new StreamingConnectRequest
        {
            Region = _key.Region,
            AccountId = _key.Owner,
            StackName = users.Stack,
            FleetName = _key.Name,
            UserId = "simulated-user",
            Expires = DateTimeOffset.MaxValue,
        };
        Advance();
        _users = new SimulatedFleetUsers(new UserArrivals(users, seed), setup, template, from);
        _lastStep = from;
        await StopWatchAsync();
    }

    async Task<FleetStepResult> IFleetSimulationGrain.StepAsync(FleetStep step)
    {
        var users = _users ?? throw UsersLost();
        if (step.Until <= _lastStep)
        {
            // A step tried again after a silo's death, which this fleet had already run: the same answer, with
            // nothing given back (ResumeAsync has settled the slots with the region since).
            return Result(step, users.Last, returned: 0);
        }

        _engine.Timings = clock.Timings;
        if (step.SlotsAsked > 0)
        {
            _engine.SlotsGranted(step.SlotsGranted, step.SlotsAsked);
        }

        // Steps the fleet sat out (nothing due) still count in its means, as they were.
        users.CountQuietSteps((int)((step.Until - _lastStep) / step.Length) - 1);
        var sample = users.RunUntil(_engine, step.Until);
        _lastStep = step.Until;

        var returned = _engine.SlotsToReturn;
        if (returned > 0)
        {
            _engine.SlotsReturned(returned);
        }

        if (_engine.TakeProfileSaves() is { } saves)
        {
            await Task.WhenAll(saves.GroupBy(save => save.StackName).Select(stack =>
                GrainFactory.GetStack(_key.Region, _key.Owner, stack.Key).SaveProfilesAsync(stack.ToList())));
        }

        return Result(step, sample, returned);
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

    Task<FleetTotals> IFleetSimulationGrain.GetTotalsAsync() => Task.FromResult((_users ?? throw UsersLost()).Totals(_key.ToString(), _engine));

    private FleetStepResult Result(FleetStep step, FleetSample sample, int returned) => new()
    {
        Sample = sample,
        SlotsWanted = _engine.SlotsToLease,
        SlotsReturned = returned,
        InstanceType = Settings.InstanceType,
        NextDue = NextDue(step),
    };

    /// <summary>
    /// When the fleet next has work. The region calls it at the first step that reaches that time, so a user
    /// who moves within the next step says all the region needs to know: the engine's timers and scaling,
    /// which cost more to look at, are looked at only when no user moves that soon.
    /// </summary>
    private DateTimeOffset? NextDue(FleetStep step) =>
        _users!.NextMove is { } move && move <= step.Until + step.Length ? move : Earliest(_engine.NextDue, _users.NextMove);

    private SimulationStateLostException UsersLost() =>
        new($"Fleet {_key} has no simulated users: it was never given any, or they were lost with the silo that held them.");

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
