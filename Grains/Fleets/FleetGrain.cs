using Microsoft.Extensions.DependencyInjection;
using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Scaling;
using RegionSim.Sessions;
using RegionSim.Simulation;
using RegionSim.Stacks;
using RegionSim.Time;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.Fleets;

/// <summary>
/// One fleet: the AppStream fleet operations, its sessions and its scaling (three facets of one grain, so
/// that a million sessions are never a million activations). The rules of time live in
/// <see cref="FleetEngine"/>; this grain checks requests, talks to the other grains (account, image,
/// region capacity, stacks, the region's clock) and stores the state at the end of every call that
/// changed it and of every wake-up.
/// </summary>
public sealed partial class FleetGrain(
    [PersistentState("fleet", StorageNames.Default)] IPersistentState<FleetGrainState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    [FromKeyedServices(FleetWatches.Clock)] TimeProvider wall,
    SimulationClock clock) : Grain, IFleetGrain, IFleetSessionsGrain, IFleetScalingGrain, IFleetSimulationGrain
{
    private ResourceKey _key;
    private FleetEngine _engine = null!;
    private DateTimeOffset? _wakeAsked;

    private FleetGrainState Fleet => state.State;
    private FleetSettings Settings => Fleet.Settings!;
    private IAccountGrain Account => GrainFactory.GetGrain<IAccountGrain>(_key.Owner);
    private IRegionGrain Region => GrainFactory.GetGrain<IRegionGrain>(_key.Region);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ResourceKey.Parse(this.GetPrimaryKeyString());
        _engine = new FleetEngine(state.State, _key, time.GetUtcNow());
        return Task.CompletedTask;
    }

    async Task<CreateFleetResponse> IFleetGrain.CreateAsync(CreateFleetRequest request)
    {
        var (settings, desired) = FleetRequestRules.ForCreate(request);
        if (Fleet.Exists)
        {
            throw AppStreamException.AlreadyExists($"Account {_key.Owner} already has a fleet named {_key.Name} in {_key.Region}.");
        }

        await Account.ReserveNameAsync(_key.Region, ResourceKind.Fleet, _key.Name);
        try
        {
            if (settings.FleetType != FleetType.Elastic)
            {
                settings = await WithImageAsync(settings, request.ImageName, request.ImageArn);
            }
        }
        catch
        {
            await Account.ReleaseNameAsync(_key.Region, ResourceKind.Fleet, _key.Name);
            throw;
        }

        Advance().Create(settings, desired, request.Tags);
        await SettleAsync();
        return new CreateFleetResponse { Fleet = View() };
    }

    async Task<UpdateFleetResponse> IFleetGrain.UpdateAsync(UpdateFleetRequest request)
    {
        RequireExists();
        Advance();
        var current = Settings;
        var (settings, desired, namesImage) = FleetRequestRules.ForUpdate(request, current, Fleet.State);
        if (Fleet.ImageAccessRevoked && !namesImage && desired is > 0)
        {
            throw AppStreamException.NotPermitted(
                $"Fleet {_key.Name} uses image {current.ImageName}, which account {_key.Owner} may no longer use for fleets; update the fleet with an image it may use to give it capacity.");
        }

        if (namesImage)
        {
            settings = await WithImageAsync(settings, request.ImageName, request.ImageArn);
        }

        var movedFrom = namesImage && settings.ImageKey != current.ImageKey ? current.ImageKey : null;
        var engine = Advance();
        if (movedFrom is not null)
        {
            engine.ChangeImage(settings);
        }
        else
        {
            engine.SetSettings(settings);
        }

        if (namesImage && Fleet.ImageAccessRevoked)
        {
            engine.LiftRevocation(desired);
        }
        else if (desired is { } instances)
        {
            engine.SetDesired(instances);
        }

        await SettleAsync();
        if (movedFrom is not null)
        {
            await GrainFactory.GetImage(ResourceKey.Parse(movedFrom)).ReleaseFleetAsync(_key);
        }

        return new UpdateFleetResponse { Fleet = View() };
    }

    async Task IFleetGrain.DeleteAsync()
    {
        RequireExists();
        Advance();
        if (Fleet.State != FleetState.Stopped)
        {
            throw AppStreamException.InUse($"Fleet {_key.Name} is {WireNames.Of(Fleet.State)}; stop it (StopFleet) and let it reach STOPPED before deleting it.");
        }

        if (Fleet.Stacks.Count > 0)
        {
            throw AppStreamException.InUse(
                $"Fleet {_key.Name} is associated with stack(s) {string.Join(", ", Fleet.Stacks.Order(StringComparer.Ordinal))}; disassociate it (DisassociateFleet) before deleting it.");
        }

        var image = Settings.ImageKey;
        var (instanceType, slots) = (Settings.InstanceType, Fleet.Slots);
        await state.ClearStateAsync();
        state.State = new FleetGrainState();
        _engine = new FleetEngine(state.State, _key, time.GetUtcNow());
        if (image is not null)
        {
            await GrainFactory.GetImage(ResourceKey.Parse(image)).ReleaseFleetAsync(_key);
        }

        if (slots > 0)
        {
            await Region.ReturnInstancesAsync([new InstanceLease { Holder = _key.ToString(), InstanceType = instanceType, Count = slots }]);
        }

        await Account.ReleaseNameAsync(_key.Region, ResourceKind.Fleet, _key.Name);
    }

    Task<Fleet> IFleetGrain.DescribeAsync()
    {
        RequireExists();
        return Task.FromResult(View());
    }

    async Task IFleetGrain.StartAsync()
    {
        RequireExists();
        var engine = Advance();
        switch (Fleet.State)
        {
            case FleetState.Stopped:
                engine.Start();
                await SettleAsync();
                break;
            case FleetState.Stopping:
                throw AppStreamException.ConcurrentModification($"Fleet {_key.Name} is STOPPING; start it once it is STOPPED.");
        }
    }

    async Task IFleetGrain.StopAsync()
    {
        RequireExists();
        var engine = Advance();
        if (Fleet.State is FleetState.Running or FleetState.Starting)
        {
            engine.Stop();
            await SettleAsync();
        }
    }

    Task<ListAssociatedNamesResponse> IFleetGrain.ListAssociatedStacksAsync(ListAssociatedStacksRequest request)
    {
        Check.Name(request.FleetName, nameof(request.FleetName));
        Check.PageOffset(request.NextToken);
        return Task.FromResult(new ListAssociatedNamesResponse { Names = Fleet.Stacks.Order(StringComparer.Ordinal).ToList() });
    }

    async Task IFleetGrain.AssociateStackAsync(string stackName)
    {
        RequireExists();
        if (Fleet.Stacks.Add(stackName))
        {
            await state.WriteStateAsync();
        }
    }

    async Task IFleetGrain.DisassociateStackAsync(string stackName)
    {
        if (Fleet.Stacks.Remove(stackName))
        {
            await state.WriteStateAsync();
        }
    }

    async Task IFleetGrain.RevokeImageAccessAsync(ResourceKey image)
    {
        if (Fleet.Exists && Advance().RevokeImageAccess(image.ToString()))
        {
            await SettleAsync();
        }
    }

    async Task<DateTimeOffset?> IScheduledGrain.OnDueAsync(DateTimeOffset now)
    {
        // A fleet in a load simulation is stepped by it, users and timers together, not woken by its region.
        if (!Fleet.Exists || DrivenBySimulation)
        {
            return null;
        }

        _engine.Timings = clock.Timings;
        _engine.AdvanceTo(now);
        await SettleAsync(scheduleWake: false);
        _wakeAsked = _engine.NextDue;
        return _wakeAsked;
    }

    /// <summary>The engine, brought to the current simulated time.</summary>
    private FleetEngine Advance()
    {
        _engine.Timings = clock.Timings;
        _engine.AdvanceTo(time.GetUtcNow());
        return _engine;
    }

    /// <summary>
    /// After a change: gives back slots the fleet no longer needs and leases those it lacks from the region,
    /// sends ended sessions' profiles to their stacks, stores the state, and asks the region's clock to wake
    /// the fleet when it next has work.
    /// </summary>
    private async Task SettleAsync(bool scheduleWake = true)
    {
        try
        {
            var engine = Advance();
            if (engine.SlotsToReturn is var surplus and > 0)
            {
                await Region.ReturnInstancesAsync([Lease(surplus)]);
                engine.SlotsReturned(surplus);
            }

            if (engine.SlotsToLease is var wanted and > 0)
            {
                var granted = (await Region.LeaseInstancesAsync([Lease(wanted)]))[0];
                engine.SlotsGranted(granted, wanted);
                Advance();
            }

            if (engine.TakeProfileSaves() is { } saves)
            {
                await Task.WhenAll(saves.GroupBy(save => save.StackName).Select(stack =>
                    GrainFactory.GetStack(_key.Region, _key.Owner, stack.Key).SaveProfilesAsync(stack.ToList())));
            }

            if (engine.TakeChanged())
            {
                await state.WriteStateAsync();
            }

            if (scheduleWake)
            {
                await ScheduleWakeAsync();
            }
        }
        catch
        {
            // What the engine changed may not be stored: start again from the stored state.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task ScheduleWakeAsync()
    {
        if (DrivenBySimulation || _engine.NextDue is not { } next)
        {
            return;
        }

        if (_wakeAsked is { } asked && asked <= next && asked > time.GetUtcNow())
        {
            return;
        }

        await GrainFactory.WakeAtAsync(_key.Region, this.GetGrainId(), next);
        _wakeAsked = next;
    }

    private InstanceLease Lease(int count) => new() { Holder = _key.ToString(), InstanceType = Settings.InstanceType, Count = count };

    /// <summary>The settings with the image the account names: resolved by the account, admitted by the image (which may refuse).</summary>
    private async Task<FleetSettings> WithImageAsync(FleetSettings settings, string? imageName, string? imageArn)
    {
        var imageKey = await Account.ResolveImageAsync(_key.Region, imageName, imageArn);
        var admitted = await GrainFactory.GetImage(imageKey).AdmitFleetAsync(_key);
        var image = admitted.View;
        return settings with
        {
            ImageName = image.Name,
            ImageArn = image.Arn,
            ImageKey = imageKey.ToString(),
            Platform = image.Platform,
            ImageSoftware = image.Applications?.Select(application => application.Name).ToList() ?? [],
            ImageAgent = admitted.Agent,
        };
    }

    private void RequireExists()
    {
        if (!Fleet.Exists)
        {
            throw NotFound(_key);
        }
    }

    /// <summary>What an account asking for a fleet it has not is told (by the fleet, or by the account from the fleet's view).</summary>
    internal static AppStreamException NotFound(ResourceKey key) =>
        AppStreamException.NotFound($"Account {key.Owner} has no fleet named {key.Name} in {key.Region}.");

    private Fleet View()
    {
        var settings = Settings;
        return new Fleet
        {
            Arn = _key.Arn(ResourceKind.Fleet),
            Name = _key.Name,
            DisplayName = settings.DisplayName,
            Description = settings.Description,
            ImageName = settings.ImageName,
            ImageArn = settings.ImageArn,
            InstanceType = settings.InstanceType,
            FleetType = settings.FleetType,
            ComputeCapacityStatus = _engine.CapacityStatus,
            MaxUserDurationInSeconds = settings.MaxUserDurationInSeconds,
            DisconnectTimeoutInSeconds = settings.DisconnectTimeoutInSeconds,
            State = Fleet.State,
            VpcConfig = settings.VpcConfig,
            CreatedTime = Fleet.CreatedTime,
            FleetErrors = Fleet.CapacityShortfall > 0
                ? [new FleetError
                {
                    ErrorCode = FleetErrorCode.FleetInstanceProvisioningFailure,
                    ErrorMessage = $"{_key.Region} has no capacity left for {Fleet.CapacityShortfall} more {settings.InstanceType} instance(s); the fleet keeps asking.",
                }]
                : null,
            EnableDefaultInternetAccess = settings.EnableDefaultInternetAccess,
            DomainJoinInfo = settings.DomainJoinInfo,
            IdleDisconnectTimeoutInSeconds = settings.IdleDisconnectTimeoutInSeconds,
            IamRoleArn = settings.IamRoleArn,
            StreamView = settings.StreamView,
            Platform = settings.Platform,
            MaxConcurrentSessions = settings.MaxConcurrentSessions,
            UsbDeviceFilterStrings = settings.UsbDeviceFilterStrings,
            SessionScriptS3Location = settings.SessionScriptS3Location,
            RootVolumeConfig = settings.RootVolumeConfig,
            DisableIMDSV1 = settings.DisableIMDSV1,
        };
    }
}
