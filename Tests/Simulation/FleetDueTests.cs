using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Run;
using RegionSim.Simulation;
using RegionSim.Time;

namespace RegionSim.Tests.Simulation;

/// <summary>
/// The region's simulation calls a fleet only at steps that reach the fleet's next due time. That is safe only
/// if a fleet whose due time lies beyond a step has nothing happen in it: stepped anyway, it must show no change.
/// </summary>
public sealed class FleetDueTests
{
    internal const string QuietFleet = """
        name: due-times
        seed: 3
        start: 2026-03-02T00:00:00Z
        duration: 8h
        step: 1m
        timings: { imageCreation: 0, fleetStart: 5m, fleetInstanceProvisioning: 4m, onDemandInstanceStart: 90s }
        regions:
          eu-central-1: { utcOffset: 1 }
        accounts:
          owner: 430000000000
        images:
          - { name: apps, account: owner, region: eu-central-1, baseImage: AppStream-WinServer2022-10-08-2024 }
        fleets:
          - name: sparse
            accounts: [owner]
            regions: [eu-central-1]
            image: { name: apps }
            type: ON_DEMAND
            desired: 2
            maxUserDuration: 2h
            disconnectTimeout: 10m
            idleDisconnectTimeout: 15m
            scaling: { min: 1, max: 10, targetUtilization: 60 }
            users:
              curve: office-hours
              peakPerMinute: 0.4
              sessionLength: { logNormal: { median: 40m, sigma: 0.9 } }
              retry: { attempts: 1, after: 3m }
              disconnects: { probability: 0.2, reconnectAfter: 5m }
              idle: { probability: 0.2 }
        """;

    [Fact]
    public async Task A_fleet_stepped_before_its_due_time_shows_nothing_changed()
    {
        var plan = Simulations.Plan(QuietFleet);
        await using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None, plan.Start - SimulationSetup.Lead(plan));
        var (fleet, start) = await Simulations.AttachOnlyFleetAsync(plan, silo);
        var clock = silo.Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

        // Every step is run here, as the region would run it if every fleet were always due; the region grants
        // whatever is asked, so the fleet's own due times are all that decide.
        var previous = default(FleetStepResult?);
        int notDue = 0, busy = 0;
        for (var step = 0; step < plan.Steps; step++)
        {
            var until = start + (plan.Step * (step + 1));
            var asked = previous?.SlotsWanted ?? 0;
            var result = await fleet.StepAsync(new FleetStep { Until = until, Length = plan.Step, SlotsGranted = asked, SlotsAsked = asked });
            await clock.AdvanceToAsync(until);
            if (previous is { } last && asked == 0 && !(last.NextDue <= until))
            {
                notDue++;
                Assert.Equal(last.Sample.Quiet(), result.Sample);
            }
            else
            {
                busy += result.Sample.Attempts + result.Sample.Ended;
            }

            previous = result;
        }

        Assert.True(notDue > 60, $"Only {notDue} steps had the fleet not due: the test needs quiet stretches to mean anything.");
        Assert.True(busy > 50, $"Only {busy} arrivals and ends: the test needs a fleet with work to mean anything.");
    }
}
