using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Reports;
using RegionSim.Client.Simulation.Run;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Simulation;
using RegionSim.Tests.Simulation;
using Xunit.Abstractions;

namespace RegionSim.Tests.Cluster;

/// <summary>
/// A silo killed in the middle of a load simulation driven through an Orleans client: the run recovers and
/// finishes; the fleets whose grains survived end with exactly the totals of an undisturbed run with the
/// same seed; those that lost their simulated users with the silo are named, and started over with new ones.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SimulationFaultTests(RedisServer redis, ITestOutputHelper output)
{
    private const string Scenario = """
        name: silo-death
        seed: 3
        start: 2026-03-02T06:00:00Z
        duration: 6h
        step: 1m
        timings: { imageCreation: 0, imageCopy: 10m, fleetStart: 5m, fleetInstanceProvisioning: 3m }
        regions:
          us-east-1: { utcOffset: -5 }
          eu-west-1: { utcOffset: 0 }
          ap-northeast-1: { utcOffset: 9 }
        accounts:
          isv: 430000000000
          tenants: { count: 4, firstId: 430000000010 }
        images:
          - { name: suite, account: isv, region: us-east-1, baseImage: AppStream-WinServer2022-10-08-2024 }
        copies:
          - { image: suite, account: isv, from: us-east-1, to: [eu-west-1, ap-northeast-1] }
        shares:
          - { image: suite, account: isv, regions: [all], with: [tenants] }
        fleets:
          - name: desks
            accounts: [tenants]
            regions: [all]
            perAccount: 2
            image: { name: suite, owner: isv }
            type: ON_DEMAND
            desired: 5
            maxUserDuration: 2h
            disconnectTimeout: 5m
            scaling: { min: 2, max: 40, targetUtilization: 70 }
            users:
              ratePerMinute: 0.6
              sessionLength: { logNormal: { median: 25m, sigma: 0.5 } }
              disconnects: { probability: 0.1, reconnectAfter: 3m }
        timeline:
          - at: 4h
            revokeShare: { image: suite, account: isv, regions: [eu-west-1], from: ["tenants[0]"] }
        """;

    private const int KillAfterStep = 120;

    [Fact]
    public async Task The_simulation_finishes_and_fleets_that_survived_match_an_undisturbed_run()
    {
        var plan = Simulations.Plan(Scenario);
        var undisturbed = await Simulations.RunAsync(plan);

        await using var cluster = await ClusterUnderTest.StartAsync(redis, plan.Start - SimulationSetup.Lead(plan));
        var victim = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var killing = Task.Run(async () =>
        {
            // The silo that hosts the most fleets, killed while the runner steps. (Not "the silo of a region's
            // simulation": Orleans places by load, and such a silo may host none of the fleets.)
            await victim.Task;
            var hosts = await Task.WhenAll(plan.Fleets.Select(async fleet => (fleet.Key, Host: await cluster.HostOfAsync(cluster.Grains.GetGrain<IFleetSimulationGrain>(fleet.Key)))));
            var host = hosts.GroupBy(h => h.Host).MaxBy(g => g.Count())!.Key;
            await cluster.KillAsync(host);
            return (Victim: host, Fleets: hosts.Where(h => h.Host == host).Select(h => h.Key).Order(StringComparer.Ordinal).ToList());
        });
        var result = await new SimulationRunner(plan, cluster.Grains).RunAsync(new KillAfter(KillAfterStep, victim), CancellationToken.None);
        var killed = await killing;
        output.WriteLine($"Killed silo {killed.Victim.Index}, which hosted {killed.Fleets.Count} of the {plan.Fleets.Count} fleets.");
        foreach (var recovery in result.Recoveries)
        {
            output.WriteLine($"Recovered {recovery.Region} at step {recovery.Step}: {recovery.RestartedFleets.Count} fleet(s) started over ({recovery.Error})");
        }

        Assert.Equal(plan.Steps, result.RegionSeries["eu-west-1"].Length);
        Assert.NotEmpty(result.Recoveries);
        Assert.NotEmpty(killed.Fleets);
        Assert.Equal(killed.Fleets, result.RestartedFleets);
        var restarted = result.RestartedFleets.ToHashSet(StringComparer.Ordinal);

        // The report says which fleets' totals are not an undisturbed run's; an undisturbed report says nothing of it.
        Assert.Equal(killed.Fleets, SimulationSummary.Of(result).RestartedFleets);
        Assert.DoesNotContain("restartedFleets", SimulationSummary.Of(undisturbed).ToJson(), StringComparison.Ordinal);
        var expected = undisturbed.Fleets.ToDictionary(f => f.Fleet, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), result.Fleets.Select(f => f.Fleet));
        foreach (var fleet in result.Fleets.Where(f => !restarted.Contains(f.Fleet)))
        {
            Assert.Equal(expected[fleet.Fleet], fleet);
        }

        // Every region's series, up to the first recovery, is the undisturbed run's, step for step.
        var firstRecovery = result.Recoveries.Min(r => r.Step);
        Assert.True(firstRecovery >= KillAfterStep, $"Recovered at step {firstRecovery}, before the silo was killed (after step {KillAfterStep}).");
        foreach (var (region, series) in result.RegionSeries)
        {
            Assert.Equal(undisturbed.RegionSeries[region][..firstRecovery], series[..firstRecovery]);
        }

        // Nothing stored was lost: every fleet is there, the revoked ones at desired 0 (their users left), and the image keeps its shares.
        foreach (var planned in plan.Fleets)
        {
            var fleet = await Transient.RetryAsync(() => cluster.Grains.GetFleet(ResourceKey.Parse(planned.Key)).DescribeAsync());
            var revoked = planned.Region == "eu-west-1" && planned.Account == "430000000010";
            Assert.True(revoked ? fleet.ComputeCapacityStatus.Desired == 0 : fleet.ComputeCapacityStatus.Desired > 0, $"{planned.Key}: desired {fleet.ComputeCapacityStatus.Desired}");
        }

        var permissions = await cluster.Grains.GetImage("eu-west-1", "430000000000", "suite").DescribePermissionsAsync("430000000000", new DescribeImagePermissionsRequest { Name = "suite" });
        Assert.Equal(3, permissions.SharedImagePermissionsList!.Count(p => p.ImagePermissions!.AllowFleet));
        Assert.DoesNotContain(permissions.SharedImagePermissionsList!, p => p.SharedAccountId == "430000000010");
    }

    private sealed class KillAfter(int step, TaskCompletionSource<string> kill) : ISimulationProgress
    {
        public void Stepped(int steps, DateTimeOffset simulatedTime, FleetSample total)
        {
            if (steps == step)
            {
                kill.TrySetResult("now");
            }
        }
    }
}
