using Orleans.Core.Internal;
using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// DescribeFleets answers from the views watched fleets tell their account: what a call did shows in the
/// next DescribeFleets, whichever way it came (operation, clock, session); a watch that lapsed, a fleet
/// deleted or an activation gone leave no view the account answers from. Only the account is asked here:
/// a call to the fleet itself would make it tell what it had not.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FleetViewTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    [Fact]
    public async Task UpdateFleet_shows_in_the_next_DescribeFleets()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, _) = await fixture.NewStreamingFleetAsync(account, desired: 2);
        Assert.Equal(2, (await SeenAsync(account, fleet)).ComputeCapacityStatus.Desired);

        await fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest { Name = fleet, DisplayName = "Desks", ComputeCapacity = new ComputeCapacity { DesiredInstances = 3 } });

        var seen = await SeenAsync(account, fleet);
        Assert.Equal(("Desks", 3), (seen.DisplayName, seen.ComputeCapacityStatus.Desired));
    }

    [Fact]
    public async Task StartFleet_and_what_the_clock_then_brings_show_in_the_next_DescribeFleets()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account, desired: 2);
        Assert.Equal(FleetState.Stopped, (await SeenAsync(account, fleet)).State);

        await fixture.Fleet(account, fleet).StartAsync();
        Assert.Equal(FleetState.Starting, (await SeenAsync(account, fleet)).State);

        var timings = await fixture.TimingsAsync();
        await fixture.AdvanceAsync(timings.FleetStart > timings.FleetInstanceProvisioning ? timings.FleetStart : timings.FleetInstanceProvisioning);
        var seen = await SeenAsync(account, fleet);
        Assert.Equal(FleetState.Running, seen.State);
        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 2, InUse = 0, Available = 2 }, seen.ComputeCapacityStatus);
    }

    [Fact]
    public async Task A_session_starting_shows_in_the_next_DescribeFleets()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 2);
        Assert.Equal(0, (await SeenAsync(account, fleet)).ComputeCapacityStatus.InUse);

        await fixture.ConnectAsync(account, stack, fleet, "ada");

        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 2, InUse = 1, Available = 1 }, (await SeenAsync(account, fleet)).ComputeCapacityStatus);
    }

    [Fact]
    public async Task Once_the_watch_lapses_the_account_asks_the_fleet_again()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account);
        Assert.Null((await SeenAsync(account, fleet)).DisplayName);

        // Past the lease the fleet no longer tells its changes: the account must not answer from what it holds.
        fixture.WatchClock.MoveTo(fixture.WatchClock.GetUtcNow() + FleetWatches.Lease + TimeSpan.FromSeconds(1));
        await fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest { Name = fleet, DisplayName = "Lapsed" });
        Assert.Equal("Lapsed", (await SeenAsync(account, fleet)).DisplayName);

        // Asked, the fleet is watched again.
        await fixture.Fleet(account, fleet).UpdateAsync(new UpdateFleetRequest { Name = fleet, DisplayName = "Watched" });
        Assert.Equal("Watched", (await SeenAsync(account, fleet)).DisplayName);
    }

    [Fact]
    public async Task A_deleted_fleet_is_gone_from_DescribeFleets_and_one_made_again_under_its_name_is_the_new_one()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account);
        var kept = await fixture.NewFleetAsync(account);
        Assert.Equal(new[] { fleet, kept }.Order(StringComparer.Ordinal), await ListedAsync(account));

        await fixture.Fleet(account, fleet).DeleteAsync();

        Assert.Equal([kept], await ListedAsync(account));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => SeenAsync(account, fleet));
        await fixture.Fleet(account, fleet).CreateAsync(new CreateFleetRequest
        {
            Name = fleet, DisplayName = "Again", ImageName = ImageSetup.BaseImage, InstanceType = FleetSetup.InstanceType,
            ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 },
        });
        Assert.Equal(("Again", 1), ((await SeenAsync(account, fleet)).DisplayName, (await SeenAsync(account, fleet)).ComputeCapacityStatus.Desired));
    }

    [Fact]
    public async Task A_fleet_activated_again_leaves_no_view_of_the_activation_before()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account);
        Assert.Equal(FleetState.Stopped, (await SeenAsync(account, fleet)).State);

        // The new activation is not watched, so it tells nothing: the old one told the account it went.
        await fixture.Fleet(account, fleet).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await fixture.Fleet(account, fleet).StartAsync();
        Assert.Equal(FleetState.Starting, (await SeenAsync(account, fleet)).State);

        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetStart);
        Assert.Equal(FleetState.Running, (await SeenAsync(account, fleet)).State);
    }

    private async Task<Fleet> SeenAsync(string account, string fleet) =>
        Assert.Single((await fixture.Grains.GetGrain<IAccountGrain>(account).DescribeFleetsAsync(Region, new DescribeFleetsRequest { Names = [fleet] })).Fleets);

    private async Task<List<string>> ListedAsync(string account) =>
        (await fixture.Grains.GetGrain<IAccountGrain>(account).DescribeFleetsAsync(Region, new DescribeFleetsRequest())).Fleets.Select(f => f.Name).ToList();
}
