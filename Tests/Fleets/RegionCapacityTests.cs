using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Orleans.TestingHost;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Regions;
using RegionSim.Sessions;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Fleets;

/// <summary>A region runs a finite number of instances of each type; fleets lease them and give them back. These tests use a region and type of their own.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RegionCapacityTests(ClusterFixture fixture)
{
    private const string Region = "ap-south-1";
    private const string InstanceType = "stream.compute.xlarge";

    private IRegionGrain RegionGrain => fixture.Grains.GetGrain<IRegionGrain>(Region);

    [Fact]
    public async Task A_region_that_runs_out_grants_part_of_a_request_and_the_fleet_asks_again_until_it_has_its_capacity()
    {
        var account = TestAccounts.NewAccount();
        await RegionGrain.SetInstanceLimitAsync(InstanceType, 3);
        try
        {
            var fleet = await fixture.NewFleetAsync(account, desired: 5, region: Region, configure: request => request with { InstanceType = InstanceType });
            await fixture.StartAndWaitAsync(account, fleet, Region);
            var limited = await fixture.DescribeFleetAsync(account, fleet, Region);
            Assert.Equal(new ComputeCapacityStatus { Desired = 5, Running = 3, InUse = 0, Available = 3 }, limited.ComputeCapacityStatus);
            Assert.Equal(FleetErrorCode.FleetInstanceProvisioningFailure, Assert.Single(limited.FleetErrors!).ErrorCode);
            Assert.Equal(3, (await RegionGrain.GetInstanceCapacityAsync(InstanceType)).InUse);

            // Another fleet of that type finds the region full.
            var (other, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1, region: Region, configure: request => request with { InstanceType = InstanceType });
            Assert.Equal(0, (await fixture.CapacityAsync(account, other, Region)).Running);
            await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.ConnectAsync(account, stack, other, "yan", Region));

            await RegionGrain.SetInstanceLimitAsync(InstanceType, 10);
            await fixture.AdvanceAsync(TimeSpan.FromMinutes(1) + (await fixture.TimingsAsync()).FleetInstanceProvisioning);
            Assert.Equal(5, (await fixture.CapacityAsync(account, fleet, Region)).Running);
            Assert.Null((await fixture.DescribeFleetAsync(account, fleet, Region)).FleetErrors);
            Assert.Equal(1, (await fixture.CapacityAsync(account, other, Region)).Running);
            Assert.Equal(6, (await RegionGrain.GetInstanceCapacityAsync(InstanceType)).InUse);

            await fixture.Fleet(account, fleet, Region).StopAsync();
            await fixture.Fleet(account, other, Region).StopAsync();
            Assert.Equal(0, (await RegionGrain.GetInstanceCapacityAsync(InstanceType)).InUse);
        }
        finally
        {
            await RegionGrain.SetInstanceLimitAsync(InstanceType, null);
        }
    }

    [Fact]
    public async Task The_replacement_of_a_terminated_instance_reuses_the_fleets_own_slot_in_a_full_region()
    {
        var account = TestAccounts.NewAccount();
        await RegionGrain.SetInstanceLimitAsync(InstanceType, 1);
        try
        {
            var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1, region: Region, configure: request => request with { InstanceType = InstanceType });
            var session = (await fixture.ConnectAsync(account, stack, fleet, "zed", Region)).Session;
            await fixture.ActAsync(account, fleet, session.Id, UserAction.LogOut, Region);
            await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetInstanceProvisioning);

            Assert.Equal(new ComputeCapacityStatus { Desired = 1, Running = 1, InUse = 0, Available = 1 }, await fixture.CapacityAsync(account, fleet, Region));
            Assert.Equal(1, (await RegionGrain.GetInstanceCapacityAsync(InstanceType)).InUse);

            await fixture.Fleet(account, fleet, Region).UpdateAsync(new UpdateFleetRequest { Name = fleet, ComputeCapacity = new ComputeCapacity { DesiredInstances = 0 } });
            Assert.Equal(0, (await RegionGrain.GetInstanceCapacityAsync(InstanceType)).InUse);
        }
        finally
        {
            await RegionGrain.SetInstanceLimitAsync(InstanceType, null);
        }
    }

    [Fact]
    public async Task The_region_decides_requests_in_the_order_given_and_never_takes_back_more_than_a_holder_has()
    {
        const string type = "stream.memory.8xlarge";
        await RegionGrain.SetInstanceLimitAsync(type, 5);
        try
        {
            var granted = await RegionGrain.LeaseInstancesAsync([
                new InstanceLease { Holder = "a", InstanceType = type, Count = 3 },
                new InstanceLease { Holder = "b", InstanceType = type, Count = 3 },
                new InstanceLease { Holder = "c", InstanceType = type, Count = 1 },
            ]);
            Assert.Equal([3, 2, 0], granted);
            await RegionGrain.ReturnInstancesAsync([new InstanceLease { Holder = "b", InstanceType = type, Count = 10 }]);
            Assert.Equal(3, (await RegionGrain.GetInstanceCapacityAsync(type)).InUse);
            await RegionGrain.ReturnInstancesAsync([new InstanceLease { Holder = "a", InstanceType = type, Count = 3 }]);
        }
        finally
        {
            await RegionGrain.SetInstanceLimitAsync(type, null);
        }
    }

    [Fact]
    public async Task The_region_stores_each_holders_name_once_and_its_slots_by_number()
    {
        const string type = "stream.graphics.g4dn.xlarge";
        await RegionGrain.LeaseInstancesAsync([
            new InstanceLease { Holder = "north", InstanceType = type, Count = 3 },
            new InstanceLease { Holder = "south", InstanceType = type, Count = 2 },
        ]);
        await RegionGrain.ReturnInstancesAsync([new InstanceLease { Holder = "north", InstanceType = type, Count = 3 }]);

        var holders = new GrainState<RegionHoldersState>();
        var counts = new GrainState<RegionState>();
        await Storage.ReadStateAsync("regionHolders", RegionGrain.GetGrainId(), holders);
        await Storage.ReadStateAsync("region", RegionGrain.GetGrainId(), counts);

        var names = holders.State!.Holders;
        var north = names.IndexOf($"north\n{type}");
        var south = names.IndexOf($"south\n{type}");
        Assert.True(north >= 0 && south >= 0, string.Join(", ", names));
        Assert.Equal(0, counts.State!.HeldByNumber[north]);
        Assert.Equal(2, counts.State.HeldByNumber[south]);
        Assert.Empty(counts.State.Held);
        await RegionGrain.ReturnInstancesAsync([new InstanceLease { Holder = "south", InstanceType = type, Count = 2 }]);
    }

    [Fact]
    public async Task A_region_stored_before_its_holders_were_numbered_keeps_every_lease_when_it_activates_again()
    {
        const string type = "stream.graphics-pro.4xlarge";
        await RegionGrain.LeaseInstancesAsync([new InstanceLease { Holder = "kept", InstanceType = type, Count = 1 }]);
        var before = await RegionGrain.GetInstanceCapacityAsync("stream.standard.small");

        // The region as it was stored before its holders were numbered: every count under its holder's name.
        await RegionGrain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var holders = new GrainState<RegionHoldersState>();
        var counts = new GrainState<RegionState>();
        await Storage.ReadStateAsync("regionHolders", RegionGrain.GetGrainId(), holders);
        await Storage.ReadStateAsync("region", RegionGrain.GetGrainId(), counts);
        var old = new RegionState { Limits = counts.State!.Limits };
        for (var number = 0; number < counts.State.HeldByNumber.Count; number++)
        {
            if (counts.State.HeldByNumber[number] is var count and not 0)
            {
                var name = holders.State!.Holders[number];
                old.Held[name] = count;
                var heldType = name[(name.IndexOf('\n') + 1)..];
                old.InUse[heldType] = old.InUse.GetValueOrDefault(heldType) + count;
            }
        }

        old.Held[$"old\n{type}"] = 3;
        old.InUse[type] += 3;
        counts.State = old;
        holders.State = new RegionHoldersState();
        await Storage.WriteStateAsync("region", RegionGrain.GetGrainId(), counts);
        await Storage.WriteStateAsync("regionHolders", RegionGrain.GetGrainId(), holders);

        Assert.Equal(4, (await RegionGrain.GetInstanceCapacityAsync(type)).InUse);
        Assert.Equal(before, await RegionGrain.GetInstanceCapacityAsync("stream.standard.small"));
        await RegionGrain.ReturnInstancesAsync([
            new InstanceLease { Holder = "old", InstanceType = type, Count = 5 },
            new InstanceLease { Holder = "kept", InstanceType = type, Count = 1 },
        ]);
        Assert.Equal(0, (await RegionGrain.GetInstanceCapacityAsync(type)).InUse);
    }

    private IGrainStorage Storage => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
}
