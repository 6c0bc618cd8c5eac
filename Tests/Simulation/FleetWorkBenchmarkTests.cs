using RegionSim.Client.Bench;
using RegionSim.Simulation;

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
    public void Every_thread_count_does_the_same_work_and_running_ahead_changes_nothing_but_the_calls()
    {
        var plan = Simulations.Plan(TwoRegions);

        var runs = FleetWorkRuns.Run(plan, [1, 2, 3]);

        Assert.Equal([(true, 1), (true, 2), (true, 3), (false, 1), (false, 2), (false, 3)], runs.Select(run => (run.RunAhead, run.Threads)));
        Assert.Equal(6, runs[0].Fleets);
        Assert.True(runs[0].SessionsStarted > 100, $"Only {runs[0].SessionsStarted} sessions: the test needs fleets with work to mean anything.");
        Assert.All(runs, run => Assert.Equal((runs[0].Fingerprint, runs[0].SessionsStarted), (run.Fingerprint, run.SessionsStarted)));
        foreach (var mode in runs.GroupBy(run => run.RunAhead))
        {
            Assert.All(mode, run => Assert.Equal((mode.First().FleetCalls, mode.First().FleetCallsWithRegion), (run.FleetCalls, run.FleetCallsWithRegion)));
        }
    }

    [Fact]
    public void A_fleet_is_called_only_at_steps_that_reach_its_next_due_time_and_running_ahead_only_when_it_needs_its_region()
    {
        var plan = Simulations.Plan(TwoRegions);

        var runs = FleetWorkRuns.Run(plan, [1]);
        var (ahead, stepByStep) = (runs.Single(run => run.RunAhead), runs.Single(run => !run.RunAhead));

        // Six fleets over 360 one-minute steps: the quiet night hours are skipped. Scaling asks the region for
        // slots and gives some back now and then, not at every step.
        Assert.InRange(stepByStep.FleetCalls, 1, (6 * plan.Steps) - 1);
        Assert.InRange(stepByStep.FleetCallsWithRegion, 1, stepByStep.FleetCalls - 1);

        // Running ahead, a fleet is called again only after an answer that needed the region, or after the most
        // steps an answer covers.
        Assert.InRange(ahead.FleetCalls, 1, (2 * ahead.FleetCallsWithRegion) + (6 * plan.Steps / SimulatedFleetUsers.MaxStepsAhead) + 6);
        Assert.True(ahead.FleetCalls < stepByStep.FleetCalls / 2, $"{ahead.FleetCalls} calls running ahead against {stepByStep.FleetCalls} step by step.");
    }
}
