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
/// busy fleet costs many times what a step does.
/// </summary>
public sealed partial class FleetGrain
{
    private SimulatedFleetUsers? _users;
    private DateTimeOffset _lastStep;

    private bool DrivenBySimulation => _users is not null;

    async Task IFleetSimulationGrain.AttachUsersAsync(UserDemand users, int seed, DateTimeOffset from)
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
    }

    async Task<FleetStepResult> IFleetSimulationGrain.StepAsync(FleetStep step)
    {
        var users = _users ?? throw AppStreamException.NotPermitted($"Fleet {_key.Name} has no simulated users.");
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

        return new FleetStepResult
        {
            Sample = sample,
            SlotsWanted = _engine.SlotsToLease,
            SlotsReturned = returned,
            InstanceType = Settings.InstanceType,
            NextDue = Earliest(_engine.NextDue, users.NextMove),
        };
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

    Task<FleetTotals> IFleetSimulationGrain.GetTotalsAsync() =>
        Task.FromResult((_users ?? throw AppStreamException.NotPermitted($"Fleet {_key.Name} has no simulated users.")).Totals(_key.ToString(), _engine));

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
