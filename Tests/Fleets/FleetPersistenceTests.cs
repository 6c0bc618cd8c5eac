using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Orleans.TestingHost;
using RegionSim.Fleets;
using RegionSim.Scaling;
using RegionSim.Sessions;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Fleets;

/// <summary>A fleet is durable at the end of every call: deactivated and activated again, it carries on where it was.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FleetPersistenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_fleet_deactivated_mid_day_keeps_its_instances_sessions_timers_and_metrics()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, FleetType.OnDemand, desired: 3, persistSettings: true,
            configure: request => request with { MaxUserDurationInSeconds = 3600, DisconnectTimeoutInSeconds = 600 });
        var scaling = fixture.Grains.GetFleetScaling(ImageSetup.Region, account, fleet);
        await scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 1, MaxCapacity = 5 });
        var staying = (await fixture.ConnectAsync(account, stack, fleet, "vera")).Session;
        var leaving = (await fixture.ConnectAsync(account, stack, fleet, "walt")).Session;
        await fixture.ActAsync(account, fleet, leaving.Id, UserAction.ChangeProfileSetting("Theme", "dark"));
        await fixture.ActAsync(account, fleet, leaving.Id, UserAction.Disconnect);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(5));
        var before = await fixture.DescribeFleetAsync(account, fleet);
        var metricsBefore = await scaling.GetMetricsAsync(5);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(before, await fixture.DescribeFleetAsync(account, fleet));
        Assert.Equivalent(metricsBefore, await scaling.GetMetricsAsync(5), strict: true);
        Assert.Equal((1, 5), ((await scaling.DescribeScalingAsync()).ScalableTarget!.MinCapacity, (await scaling.DescribeScalingAsync()).ScalableTarget!.MaxCapacity));

        // The disconnect timeout and the maximum duration still fall at their own times.
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(SessionEndReason.DisconnectTimeout, (await fixture.SessionAsync(account, fleet, leaving.Id)).EndReason);
        Assert.Equal("dark", (await fixture.Stack(account, stack).GetPersistedProfileAsync("walt"))["Theme"]);
        var back = await fixture.ConnectAsync(account, stack, fleet, "vera");
        Assert.True(back.Resumed);
        Assert.Equal(staying.InstanceId, back.Session.InstanceId);
        await fixture.AdvanceAsync(staying.MaxExpirationTime!.Value - await fixture.Clock.GetNowAsync());
        Assert.Equal(SessionEndReason.MaxUserDuration, (await fixture.SessionAsync(account, fleet, staying.Id)).EndReason);
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetInstanceProvisioning);
        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 3, InUse = 0, Available = 3 }, await fixture.CapacityAsync(account, fleet));
    }

    [Fact]
    public async Task A_fleet_stored_with_its_instances_and_sessions_in_maps_by_id_keeps_them_when_it_activates_again()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, FleetType.AlwaysOn, desired: 3);
        var ending = (await fixture.ConnectAsync(account, stack, fleet, "xena")).Session;
        var staying = (await fixture.ConnectAsync(account, stack, fleet, "yuri")).Session;
        var grain = fixture.Grains.GetFleet(ImageSetup.Region, account, fleet);

        // The fleet as it was stored before its instances and sessions were lists: maps by id.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var stored = new GrainState<FleetGrainState>();
        await Storage.ReadStateAsync("fleet", grain.GetGrainId(), stored);
        var fleetState = stored.State!;
        Assert.Equal(3, fleetState.CurrentInstances.Count);
        fleetState.Instances = fleetState.CurrentInstances.ToDictionary(instance => instance.Id, StringComparer.Ordinal);
        fleetState.Sessions = fleetState.SessionsInProgress.ToDictionary(session => session.Id, StringComparer.Ordinal);
        fleetState.CurrentInstances = [];
        fleetState.SessionsInProgress = [];
        await Storage.WriteStateAsync("fleet", grain.GetGrainId(), stored);

        var sessions = fixture.Grains.GetFleetSessions(ImageSetup.Region, account, fleet);
        var described = await sessions.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = stack, FleetName = fleet });
        Assert.Equal([ending.Id, staying.Id], described.Sessions.Select(session => session.Id));
        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 3, InUse = 2, Available = 1 }, await fixture.CapacityAsync(account, fleet));

        // Ending a session found by its id takes its instance with it; a user comes back to the session by user.
        Assert.True(await sessions.ExpireAsync(ending.Id));
        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 2, InUse = 1, Available = 1 }, await fixture.CapacityAsync(account, fleet));
        var back = await fixture.ConnectAsync(account, stack, fleet, "yuri");
        Assert.True(back.Resumed);
        Assert.Equal(staying.InstanceId, back.Session.InstanceId);

        // The next write stores the lists, and no maps.
        await Storage.ReadStateAsync("fleet", grain.GetGrainId(), stored);
        Assert.Null(stored.State!.Instances);
        Assert.Null(stored.State.Sessions);
        Assert.Equal([staying.Id], stored.State.SessionsInProgress.Select(session => session.Id));
        Assert.Equal(3, stored.State.CurrentInstances.Count);
    }

    [Fact]
    public void A_fleet_stored_as_json_with_maps_by_id_as_redis_storage_holds_it_is_taken_over()
    {
        // Redis storage keeps grain states with the silo's default serializer: JSON, by member name.
        var json = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IGrainStorageSerializer>();
        var engine = RunningFleets.AlwaysOn(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), desired: 3);
        var ending = RunningFleets.Connect(engine, "stack", "zoe");
        var staying = RunningFleets.Connect(engine, "stack", "abe");
        var old = engine.State;
        old.Instances = old.CurrentInstances.ToDictionary(instance => instance.Id, StringComparer.Ordinal);
        old.Sessions = old.SessionsInProgress.ToDictionary(session => session.Id, StringComparer.Ordinal);
        var document = JsonNode.Parse(json.Serialize(old).ToString())!.AsObject();
        Assert.True(document.Remove(nameof(FleetGrainState.CurrentInstances)) && document.Remove(nameof(FleetGrainState.SessionsInProgress)));

        var stored = Assert.IsType<FleetGrainState>(json.Deserialize<FleetGrainState>(BinaryData.FromString(document.ToJsonString())));
        var reactivated = new FleetEngine(stored, engine.Key, engine.Now);

        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 3, InUse = 2, Available = 1 }, reactivated.CapacityStatus);
        Assert.Equal(new[] { ending.Id, staying.Id }.Order(StringComparer.Ordinal), stored.SessionsInProgress.Select(session => session.Id).Order(StringComparer.Ordinal));
        Assert.True(reactivated.Expire(ending.Id));
        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 2, InUse = 1, Available = 1 }, reactivated.CapacityStatus);
        Assert.Equal(staying.Id, reactivated.Resume("stack", "abe")?.Id);
        Assert.Null(stored.Instances);
        Assert.Null(stored.Sessions);
    }

    private IGrainStorage Storage => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
}
