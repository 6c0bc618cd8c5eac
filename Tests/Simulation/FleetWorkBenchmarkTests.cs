using RegionSim.Client.Bench;

namespace RegionSim.Tests.Simulation;

/// <summary>
/// <c>regionsim bench fleets</c> runs a scenario's fleets and users without Orleans, on as many threads as
/// asked. Its figures mean something only if every thread count does the same work: each fleet's users and
/// engine step alone, whoever runs its neighbours.
/// </summary>
public sealed class FleetWorkBenchmarkTests
{
    private const string TwoRegions = """
        name: fleet-work
        seed: 11
        start: 2026-03-02T00:00:00Z
        duration: 6h
        step: 1m
        timings: { imageCreation: 0, fleetStart: 5m, fleetInstanceProvisioning: 4m, onDemandInstanceStart: 90s }
        regions:
          eu-central-1: { utcOffset: 1 }
          ap-south-1: { utcOffset: 5.5 }
        accounts:
          owner: 430000000000
        images:
          - { name: apps, account: owner, region: eu-central-1, baseImage: AppStream-WinServer2022-10-08-2024 }
        fleets:
          - name: desks
            accounts: [owner]
            regions: [all]
            perAccount: 3
            image: { name: apps }
            type: ON_DEMAND
            desired: 2
            maxUserDuration: 2h
            disconnectTimeout: 10m
            idleDisconnectTimeout: 15m
            scaling: { min: 1, max: 20, targetUtilization: 60 }
            users:
              curve: office-hours
              peakPerMinute: 1.2
              sessionLength: { logNormal: { median: 20m, sigma: 0.7 } }
              retry: { attempts: 1, after: 3m }
              disconnects: { probability: 0.2, reconnectAfter: 5m }
              idle: { probability: 0.2 }
        """;

    [Fact]
    public void Every_thread_count_does_the_same_work()
    {
        var plan = Simulations.Plan(TwoRegions);

        var runs = FleetWorkRuns.Run(plan, [1, 2, 3]);

        Assert.Equal(6, runs[0].Fleets);
        Assert.True(runs[0].SessionsStarted > 100, $"Only {runs[0].SessionsStarted} sessions: the test needs fleets with work to mean anything.");
        Assert.All(runs, run => Assert.Equal(
            (runs[0].Fingerprint, runs[0].SessionsStarted, runs[0].FleetSteps, runs[0].FleetStepsWithRegion),
            (run.Fingerprint, run.SessionsStarted, run.FleetSteps, run.FleetStepsWithRegion)));
        Assert.Equal([1, 2, 3], runs.Select(run => run.Threads));
    }

    [Fact]
    public void A_fleet_is_stepped_only_at_steps_that_reach_its_next_due_time()
    {
        var plan = Simulations.Plan(TwoRegions);

        var run = Assert.Single(FleetWorkRuns.Run(plan, [1]));

        // Six fleets over 360 one-minute steps: the quiet night hours are skipped. Scaling asks the region for
        // slots and gives some back now and then, not at every step.
        Assert.InRange(run.FleetSteps, 1, (6 * plan.Steps) - 1);
        Assert.InRange(run.FleetStepsWithRegion, 1, run.FleetSteps - 1);
    }
}
