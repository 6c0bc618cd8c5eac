namespace RegionSim.Fleets;

/// <summary>
/// The fleet's watch (<see cref="IFleetGrain.WatchAsync"/>): while its account watches it, the fleet tells
/// the account its view after every call that changed it — whichever call: an operation, a region clock's
/// wake-up, a session, a simulation's step. So it is told in one place, the grain's own call filter, which
/// compares the view after each call with the one last told; the fleet has no timers, and nothing but
/// calls changes it. The telling is awaited before the call returns, so a DescribeFleets after the call
/// sees what it did. The watch lives with the activation: one that goes tells the account it stops; one
/// lost with its silo the account stops trusting by itself (it trusts views of active silos only).
/// </summary>
public sealed partial class FleetGrain : IIncomingGrainCallFilter
{
    private DateTimeOffset? _watchedUntil;
    private FleetView? _told;

    Task<FleetView> IFleetGrain.WatchAsync(TimeSpan lease)
    {
        RequireExists();
        // A load simulation changes the view at every step: its account asks (see FleetGrain.Simulation).
        if (!DrivenBySimulation)
        {
            var until = wall.GetUtcNow() + lease;
            _watchedUntil = _watchedUntil is { } watched && watched > until ? watched : until;
        }

        return Task.FromResult(ViewToTell() ?? _told!);
    }

    Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        var invoked = context.Invoke();
        return invoked.IsCompletedSuccessfully && _watchedUntil is null ? invoked : TellAfterAsync(invoked);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A silo that shuts down leaves the cluster: the account stops trusting its views without being told.
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            await StopWatchAsync();
        }
    }

    /// <summary>Ends the watch, telling the account, which asks the fleet again from then on.</summary>
    private async Task StopWatchAsync()
    {
        if (_watchedUntil is null)
        {
            return;
        }

        _watchedUntil = null;
        _told = Told(_told?.Fleet, watched: false);
        try
        {
            await Account.UpdateFleetViewAsync(_told);
        }
        catch
        {
            // The account is unreachable: it lost its views with its silo, or lapses them with the watch.
        }
    }

    private async Task TellAfterAsync(Task invoked)
    {
        try
        {
            await invoked;
        }
        finally
        {
            await TellIfChangedAsync();
        }
    }

    private async Task TellIfChangedAsync()
    {
        if (_watchedUntil is not { } until)
        {
            return;
        }

        if (wall.GetUtcNow() >= until)
        {
            // Lapsed: the account stopped trusting the views well before (it trusts them for half the lease).
            _watchedUntil = null;
            return;
        }

        if (ViewToTell() is not { } view)
        {
            return;
        }

        try
        {
            await Account.UpdateFleetViewAsync(view);
        }
        catch
        {
            // The account may still hold the view before this one: this activation goes, telling it to stop.
            DeactivateOnIdle();
        }
    }

    /// <summary>The view to tell the account if it is not the one last told (the next in sequence); else null.</summary>
    private FleetView? ViewToTell()
    {
        var fleet = Fleet.Exists ? View() : null;
        if (_told is { Watched: true } told && SameFleet(told.Fleet, fleet))
        {
            return null;
        }

        _told = Told(fleet, watched: _watchedUntil is not null);
        return _told;
    }

    private FleetView Told(Fleet? fleet, bool watched) => new()
    {
        Key = _key,
        Silo = GrainContext.Address.SiloAddress!,
        Activation = GrainContext.ActivationId,
        Sequence = (_told?.Sequence ?? 0) + 1,
        Fleet = fleet,
        Watched = watched,
    };

    /// <summary>Whether two views show the same (records compare by value; lists, which are new at each view, by their items).</summary>
    private static bool SameFleet(Fleet? a, Fleet? b) =>
        a is null || b is null
            ? ReferenceEquals(a, b)
            : a with { FleetErrors = null } == b with { FleetErrors = null } && (a.FleetErrors ?? []).SequenceEqual(b.FleetErrors ?? []);
}
