namespace RegionSim.Tests.Simulation;

/// <summary>
/// A fleet counts its own sessions, instances in use and running instances at every step end, for its
/// means; its region counts them for its series. Alone in its region, a fleet's totals must be its region's
/// series summed, whether or not the fleet had anything due in the last steps of the day.
/// </summary>
public sealed class FleetTotalsTests
{
    // Users arrive only in the first hour and a half and stay six hours: for the last two and a half hours of the run,
    // nothing is due on the fleet while its sessions go on.
    private const string QuietEnd = """
        name: quiet-end
        seed: 5
        start: 2026-03-02T00:00:00Z
        duration: 4h
        step: 1m
        timings: { imageCreation: 0, fleetStart: 0, fleetInstanceProvisioning: 0 }
        regions:
          eu-west-1: { utcOffset: 0 }
        accounts:
          owner: 440000000000
        images:
          - { name: apps, account: owner, region: eu-west-1, baseImage: AppStream-WinServer2022-10-08-2024 }
        fleets:
          - name: early
            accounts: [owner]
            regions: [eu-west-1]
            image: { name: apps }
            type: ALWAYS_ON
            desired: 60
            maxUserDuration: 8h
            users:
              curve: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
              peakPerMinute: 0.5
              sessionLength: { fixed: 6h }
        """;

    [Fact]
    public async Task A_fleet_alone_in_its_region_totals_its_regions_series_including_the_steps_it_sat_out_at_the_end()
    {
        var plan = Simulations.Plan(QuietEnd);
        var result = await Simulations.RunAsync(plan);

        var fleet = Assert.Single(result.Fleets);
        var series = result.RegionSeries["eu-west-1"];
        Assert.True(series[^1].Sessions > 10, $"Only {series[^1].Sessions} sessions at the end: the test needs sessions going on through a quiet end.");
        Assert.Equal(
            (series.Sum(sample => (long)sample.Sessions), series.Sum(sample => (long)sample.InUse), series.Sum(sample => (long)sample.Running)),
            (fleet.SessionSteps, fleet.InUseSteps, fleet.RunningSteps));
    }
}
