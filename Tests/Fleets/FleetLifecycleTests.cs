using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Fleets;

[Collection(ClusterCollection.Name)]
public sealed class FleetLifecycleTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    private IFleetGrain Fleet(string account, string name) => fixture.Grains.GetFleet(Region, account, name);

    [Fact]
    public async Task A_new_fleet_is_STOPPED_with_what_CreateFleet_asked_for()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewFleetAsync(account, FleetType.OnDemand, desired: 3, configure: request => request with
        {
            DisplayName = "Finance", Description = "for the finance team", MaxUserDurationInSeconds = 7200, DisconnectTimeoutInSeconds = 300,
            IdleDisconnectTimeoutInSeconds = 600, StreamView = StreamView.Desktop,
        });

        var fleet = await fixture.DescribeFleetAsync(account, name);
        Assert.Equal(FleetState.Stopped, fleet.State);
        Assert.Equal($"arn:aws:appstream:{Region}:{account}:fleet/{name}", fleet.Arn);
        Assert.Equal(FleetType.OnDemand, fleet.FleetType);
        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 0, InUse = 0, Available = 0 }, fleet.ComputeCapacityStatus);
        Assert.Equal(ImageSetup.BaseImage, fleet.ImageName);
        Assert.Equal(ResourceKey.Public(Region, ImageSetup.BaseImage).Arn(ResourceKind.Image), fleet.ImageArn);
        Assert.Equal(PlatformType.WindowsServer2019, fleet.Platform);
        Assert.Equal((7200, 300, 600), (fleet.MaxUserDurationInSeconds, fleet.DisconnectTimeoutInSeconds, fleet.IdleDisconnectTimeoutInSeconds));
        Assert.Equal(StreamView.Desktop, fleet.StreamView);
        Assert.Equal("Finance", fleet.DisplayName);
        Assert.Equal(await fixture.Clock.GetNowAsync(), fleet.CreatedTime);
    }

    [Fact]
    public async Task StartFleet_answers_with_the_fleet_STARTING_and_it_is_RUNNING_with_its_instances_once_provisioned()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewFleetAsync(account, desired: 2);
        var timings = await fixture.TimingsAsync();

        await Fleet(account, name).StartAsync();
        Assert.Equal(FleetState.Starting, (await fixture.DescribeFleetAsync(account, name)).State);
        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 0, InUse = 0, Available = 0 }, await fixture.CapacityAsync(account, name));

        await fixture.AdvanceAsync(timings.FleetStart);
        Assert.Equal(FleetState.Running, (await fixture.DescribeFleetAsync(account, name)).State);
        var remaining = timings.FleetInstanceProvisioning - timings.FleetStart;
        if (remaining > TimeSpan.Zero)
        {
            await fixture.AdvanceAsync(remaining);
        }

        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 2, InUse = 0, Available = 2 }, await fixture.CapacityAsync(account, name));
    }

    [Fact]
    public async Task StopFleet_answers_with_the_fleet_STOPPING_its_instances_go_and_it_is_STOPPED_after_the_stop_time()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewFleetAsync(account, desired: 2);
        await fixture.StartAndWaitAsync(account, name);

        await Fleet(account, name).StopAsync();
        var stopping = await fixture.DescribeFleetAsync(account, name);
        Assert.Equal(FleetState.Stopping, stopping.State);
        Assert.Equal(0, stopping.ComputeCapacityStatus.Running);
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetStop);
        Assert.Equal(FleetState.Stopped, (await fixture.DescribeFleetAsync(account, name)).State);
    }

    [Fact]
    public async Task Changing_desired_capacity_provisions_or_terminates_instances()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewFleetAsync(account, desired: 1);
        await fixture.StartAndWaitAsync(account, name);

        await Fleet(account, name).UpdateAsync(new UpdateFleetRequest { Name = name, ComputeCapacity = new ComputeCapacity { DesiredInstances = 4 } });
        Assert.Equal(new ComputeCapacityStatus { Desired = 4, Running = 1, InUse = 0, Available = 1 }, await fixture.CapacityAsync(account, name));
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetInstanceProvisioning);
        Assert.Equal(4, (await fixture.CapacityAsync(account, name)).Available);

        await Fleet(account, name).UpdateAsync(new UpdateFleetRequest { Name = name, ComputeCapacity = new ComputeCapacity { DesiredInstances = 2 } });
        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 2, InUse = 0, Available = 2 }, await fixture.CapacityAsync(account, name));
    }

    [Fact]
    public async Task A_fleet_is_deleted_only_when_STOPPED_and_associated_with_no_stack_and_its_name_is_then_free()
    {
        var account = TestAccounts.NewAccount();
        var (name, stack) = await fixture.NewStreamingFleetAsync(account);
        await Expect.Refused(AppStreamErrorCode.ResourceInUse, () => Fleet(account, name).DeleteAsync());

        await Fleet(account, name).StopAsync();
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetStop);
        var associated = await Expect.Refused(AppStreamErrorCode.ResourceInUse, () => Fleet(account, name).DeleteAsync());
        Assert.Contains(stack, associated.Message);

        await fixture.Stack(account, stack).DisassociateFleetAsync(new DisassociateFleetRequest { FleetName = name, StackName = stack });
        await Fleet(account, name).DeleteAsync();
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.DescribeFleetAsync(account, name));
        Assert.DoesNotContain(name, await fixture.Grains.GetGrain<IAccountGrain>(account).ListNamesAsync(Region, ResourceKind.Fleet));
        await Fleet(account, name).CreateAsync(new CreateFleetRequest
        {
            Name = name, ImageName = ImageSetup.BaseImage, InstanceType = FleetSetup.InstanceType, ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 },
        });
    }

    [Fact]
    public async Task Fleet_names_are_unique_per_account_and_region()
    {
        var (account, other) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var name = await fixture.NewFleetAsync(account);
        var request = new CreateFleetRequest
        {
            Name = name, ImageName = ImageSetup.BaseImage, InstanceType = FleetSetup.InstanceType, ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 },
        };
        await Expect.Refused(AppStreamErrorCode.ResourceAlreadyExists, () => Fleet(account, name).CreateAsync(request));
        await fixture.Grains.GetFleet(Region, other, name).CreateAsync(request);
        await fixture.Grains.GetFleet(ImageSetup.OtherRegion, account, name).CreateAsync(request);
    }

    [Fact]
    public async Task DescribeFleets_lists_the_accounts_fleets_in_the_region_or_the_ones_named()
    {
        var account = TestAccounts.NewAccount();
        var names = new[] { await fixture.NewFleetAsync(account), await fixture.NewFleetAsync(account), await fixture.NewFleetAsync(account) };
        await fixture.NewFleetAsync(account, region: ImageSetup.OtherRegion);
        var accountGrain = fixture.Grains.GetGrain<IAccountGrain>(account);

        var all = await accountGrain.DescribeFleetsAsync(Region, new DescribeFleetsRequest());
        Assert.Equal(names.Order(StringComparer.Ordinal), all.Fleets.Select(f => f.Name));
        Assert.Null(all.NextToken);
        var named = await accountGrain.DescribeFleetsAsync(Region, new DescribeFleetsRequest { Names = [names[1]] });
        Assert.Equal(names[1], Assert.Single(named.Fleets).Name);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => accountGrain.DescribeFleetsAsync(Region, new DescribeFleetsRequest { Names = [names[0], "no-such-fleet"] }));
    }

    [Fact]
    public async Task StartFleet_while_STOPPING_is_refused_and_starting_or_stopping_twice_changes_nothing()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewFleetAsync(account, desired: 1);
        await Fleet(account, name).StartAsync();
        await Fleet(account, name).StartAsync();
        Assert.Equal(FleetState.Starting, (await fixture.DescribeFleetAsync(account, name)).State);

        await Fleet(account, name).StopAsync();
        await Fleet(account, name).StopAsync();
        Assert.Equal(FleetState.Stopping, (await fixture.DescribeFleetAsync(account, name)).State);
        await Expect.Refused(AppStreamErrorCode.ConcurrentModification, () => Fleet(account, name).StartAsync());
    }
}
