using RegionSim.Accounts;
using RegionSim.Client.Cluster;
using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RegionSim.Tests.Cluster;

/// <summary>
/// DescribeFleets answers from the views watched fleets tell their account; a fleet activation lost with
/// its silo can't say it stopped telling. The account must not answer from such a view: after the silo's
/// death, the fleets it hosted come back elsewhere, unwatched, and DescribeFleets shows what they do then.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class FleetViewFaultTests(RedisServer redis, ITestOutputHelper output)
{
    private const string Region = "us-east-1";
    private const int Fleets = 12;
    private static readonly DateTimeOffset Start = new(2026, 2, 9, 9, 0, 0, TimeSpan.Zero);

    // How long the account's silo may take to learn of the death (membership gossip) once it is declared:
    // far less than the two minutes the account would otherwise trust a dead activation's view.
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task After_a_silo_dies_DescribeFleets_shows_its_fleets_as_they_are_not_as_the_dead_activations_last_told()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(redis, Start);
        var grains = cluster.Grains;
        var account = TestAccounts.NewAccount();
        var names = Enumerable.Range(0, Fleets).Select(_ => TestAccounts.NewName("fleet")).Order(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            await grains.GetFleet(Region, account, name).CreateAsync(new CreateFleetRequest
            {
                Name = name,
                ImageName = ImageSetup.BaseImage,
                InstanceType = FleetSetup.InstanceType,
                FleetType = FleetType.AlwaysOn,
                ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 },
            });
        }

        // Asked once, every fleet is watched: the account holds their views (all STOPPED).
        var accountGrain = grains.GetGrain<IAccountGrain>(account);
        Assert.All((await accountGrain.DescribeFleetsAsync(Region, new DescribeFleetsRequest())).Fleets, fleet => Assert.Equal(FleetState.Stopped, fleet.State));

        // Killed: the silo hosting the most fleets, other than the account's.
        var accountHost = await cluster.HostOfAsync(accountGrain);
        var hosts = await Task.WhenAll(names.Select(name => cluster.HostOfAsync(grains.GetFleet(Region, account, name))));
        var victim = hosts.Where(host => host.Index != accountHost.Index).GroupBy(host => host.Index).MaxBy(group => group.Count())?.First();
        Assert.True(victim is not null, "Every fleet lives on the account's silo: nothing to kill that tests the views.");
        output.WriteLine($"Killing silo {victim!.Index}, which hosts {hosts.Count(host => host.Index == victim.Index)} of {Fleets} fleets (the account is on silo {accountHost.Index}).");
        await cluster.KillAsync(victim);

        // The fleets start: those of the dead silo in new activations, which nobody watches yet.
        await Task.WhenAll(names.Select(name => Transient.RetryAsync(() => grains.GetFleet(Region, account, name).StartAsync())));

        // Polled on the wall clock: the account's silo learns of the death by gossip, shortly after it is declared.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var states = (await Transient.RetryAsync(() => accountGrain.DescribeFleetsAsync(Region, new DescribeFleetsRequest()))).Fleets.Select(fleet => fleet.State).ToList();
            if (states.All(state => state == FleetState.Starting) || watch.Elapsed >= Propagation)
            {
                Assert.Equal(names.Select(_ => FleetState.Starting), states);
                return;
            }

            await Task.Delay(100);
        }
    }
}
