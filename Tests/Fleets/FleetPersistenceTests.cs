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
}
