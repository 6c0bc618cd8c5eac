using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Sessions;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Fleets;

/// <summary>What UpdateFleet may change in which state, as API.md gives it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UpdateFleetTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_RUNNING_fleet_changes_only_display_name_capacity_image_and_timeouts_and_a_refusal_changes_nothing()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account, desired: 2);
        await fixture.StartAndWaitAsync(account, fleet);
        var before = await fixture.DescribeFleetAsync(account, fleet);

        var refused = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest
        {
            Name = fleet, InstanceType = "stream.standard.large", DisplayName = "renamed",
        }));
        Assert.Contains("InstanceType", refused.Message);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest
        {
            Name = fleet, AttributesToDelete = [FleetAttribute.DomainJoinInfo],
        }));
        Assert.Equal(before, await fixture.DescribeFleetAsync(account, fleet));

        var updated = await fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest
        {
            Name = fleet, DisplayName = "renamed", DisconnectTimeoutInSeconds = 120, IdleDisconnectTimeoutInSeconds = 60,
        });
        Assert.Equal(("renamed", 120, 60), (updated.Fleet.DisplayName, updated.Fleet.DisconnectTimeoutInSeconds, updated.Fleet.IdleDisconnectTimeoutInSeconds));
    }

    [Fact]
    public async Task A_STOPPED_fleet_changes_anything_but_its_name_and_a_STARTING_one_nothing()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account, configure: request => request with
        {
            DomainJoinInfo = new DomainJoinInfo { DirectoryName = "corp.example.com" },
        });
        var updated = await fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest
        {
            Name = fleet, InstanceType = "stream.compute.large", Description = "bigger", MaxUserDurationInSeconds = 600,
            StreamView = StreamView.Desktop, AttributesToDelete = [FleetAttribute.DomainJoinInfo],
        });
        Assert.Equal(("stream.compute.large", "bigger", 600, StreamView.Desktop), (updated.Fleet.InstanceType, updated.Fleet.Description, updated.Fleet.MaxUserDurationInSeconds, updated.Fleet.StreamView));
        Assert.Null(updated.Fleet.DomainJoinInfo);

        await fixture.Fleet(account, fleet).StartAsync();
        await Expect.Refused(AppStreamErrorCode.ConcurrentModification,
            () => fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest { Name = fleet, DisplayName = "too soon" }));
    }

    [Fact]
    public async Task A_new_image_replaces_the_idle_instances_and_sessions_keep_theirs_until_they_end()
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 3);
        var session = (await fixture.ConnectAsync(account, stack, fleet, "tom")).Session;

        await fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest { Name = fleet, ImageName = image });
        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 1, InUse = 1, Available = 0 }, await fixture.CapacityAsync(account, fleet));
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetInstanceProvisioning);
        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 3, InUse = 1, Available = 2 }, await fixture.CapacityAsync(account, fleet));

        var fresh = (await fixture.ConnectAsync(account, stack, fleet, "uma")).Session;
        Assert.EndsWith($"image/{image}", (await fixture.SessionAsync(account, fleet, fresh.Id)).StartedFrom.ImageArn);
        Assert.EndsWith($"image/{ImageSetup.BaseImage}", (await fixture.SessionAsync(account, fleet, session.Id)).StartedFrom.ImageArn);
    }

    [Fact]
    public async Task An_ELASTIC_fleet_changes_its_MaxConcurrentSessions_while_RUNNING_but_not_its_capacity()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await NewElasticAsync(account, maxSessions: 2);
        await fixture.StartAndWaitAsync(account, fleet);

        var updated = await fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest { Name = fleet, MaxConcurrentSessions = 5 });
        Assert.Equal(5, updated.Fleet.MaxConcurrentSessions);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest
        {
            Name = fleet, ComputeCapacity = new ComputeCapacity { DesiredInstances = 3 },
        }));
    }

    [Fact]
    public async Task An_ELASTIC_fleet_takes_an_instance_per_session_up_to_MaxConcurrentSessions()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await NewElasticAsync(account, maxSessions: 2);
        var stack = await fixture.NewStackAsync(account);
        await fixture.AssociateAsync(account, stack, fleet);
        await fixture.StartAndWaitAsync(account, fleet);
        Assert.Equal(new ComputeCapacityStatus { Desired = 0, Running = 0, InUse = 0, Available = 0 }, await fixture.CapacityAsync(account, fleet));

        var first = (await fixture.ConnectAsync(account, stack, fleet, "vic")).Session;
        var second = (await fixture.ConnectAsync(account, stack, fleet, "wes")).Session;
        Assert.Equal(SessionState.Pending, first.State);
        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 2, InUse = 2, Available = 0 }, await fixture.CapacityAsync(account, fleet));
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.ConnectAsync(account, stack, fleet, "xia"));

        await fixture.AdvanceAsync((await fixture.TimingsAsync()).ElasticInstanceStart);
        Assert.Equal(SessionState.Active, (await fixture.SessionAsync(account, fleet, first.Id)).Session.State);
        await fixture.ActAsync(account, fleet, first.Id, UserAction.LogOut);
        Assert.Equal(new ComputeCapacityStatus { Desired = 1, Running = 1, InUse = 1, Available = 0 }, await fixture.CapacityAsync(account, fleet));
        await fixture.ConnectAsync(account, stack, fleet, "xia");
    }

    private Task<string> NewElasticAsync(string account, int maxSessions) =>
        fixture.NewFleetAsync(account, FleetType.Elastic, configure: request => request with
        {
            ImageName = null, Platform = RegionSim.Images.PlatformType.WindowsServer2019, MaxConcurrentSessions = maxSessions,
            VpcConfig = new VpcConfig { SubnetIds = ["subnet-a", "subnet-b"] },
        });
}
