using RegionSim.Client.Simulation.Reports;
using RegionSim.Simulation;

namespace RegionSim.Tests.Simulation;

/// <summary>The load simulation against what queueing theory and AppStream's rules say must come out.</summary>
public sealed class LoadSimulationTests
{
    private const string ConstantRate = """
        name: littles-law
        seed: 11
        start: 2026-03-02T00:00:00Z
        duration: 12h
        step: 1m
        timings: { imageCreation: 0, fleetStart: 0, fleetInstanceProvisioning: 0 }
        regions:
          eu-central-1: { utcOffset: 1 }
        accounts:
          owner: 410000000000
        images:
          - { name: apps, account: owner, region: eu-central-1, baseImage: AppStream-WinServer2022-10-08-2024 }
        fleets:
          - name: always
            accounts: [owner]
            regions: [eu-central-1]
            perAccount: 4
            image: { name: apps }
            type: ALWAYS_ON
            desired: 400
            maxUserDuration: 8h
            users:
              ratePerMinute: 7.5
              sessionLength: { fixed: 30m }
        """;

    [Fact]
    public async Task Mean_concurrent_sessions_follow_Littles_law_within_2_percent()
    {
        var plan = Simulations.Plan(ConstantRate);
        var result = await Simulations.RunAsync(plan);

        // L = λW once the first sessions have had time to end: 4 fleets × 7.5 arrivals a minute × 30 minutes.
        var series = result.RegionSeries["eu-central-1"];
        var steady = series.Skip(30).Select(sample => (double)sample.Sessions).ToList();
        var expected = 4 * 7.5 * 30;
        var mean = steady.Average();
        Assert.InRange(mean, expected * 0.98, expected * 1.02);
        Assert.Equal(0, series.Sum(sample => sample.Refused));
        Assert.True(series.Sum(sample => sample.Started) > 20_000, "The test needs enough sessions for its 2% to be beyond chance.");
    }

    [Fact]
    public async Task The_same_scenario_and_seed_give_the_same_summary_byte_for_byte()
    {
        var plan = Simulations.Plan(Revocation);
        var first = SimulationSummary.Of(await Simulations.RunAsync(plan)).ToJson();
        var second = SimulationSummary.Of(await Simulations.RunAsync(plan)).ToJson();
        Assert.Equal(first, second);

        var reseeded = SimulationSummary.Of(await Simulations.RunAsync(plan with { Seed = plan.Seed + 1 })).ToJson();
        Assert.NotEqual(first, reseeded);
    }

    internal const string Revocation = """
        name: midday-revocation
        seed: 5
        start: 2026-03-02T06:00:00Z
        duration: 12h
        step: 1m
        timings: { imageCreation: 0, imageCopy: 10m, fleetStart: 5m, fleetInstanceProvisioning: 3m }
        regions:
          us-east-1: { utcOffset: -5 }
          eu-west-1: { utcOffset: 0 }
        accounts:
          isv: 420000000000
          tenants: { count: 3, firstId: 420000000010 }
        images:
          - { name: suite, account: isv, region: us-east-1, baseImage: AppStream-WinServer2022-10-08-2024 }
        copies:
          - { image: suite, account: isv, from: us-east-1, to: [eu-west-1] }
        shares:
          - { image: suite, account: isv, regions: [all], with: [tenants] }
        fleets:
          - name: desks
            accounts: [tenants]
            regions: [all]
            image: { name: suite, owner: isv }
            type: ALWAYS_ON
            desired: 30
            maxUserDuration: 2h
            disconnectTimeout: 5m
            scaling: { min: 5, max: 60, targetUtilization: 70 }
            users:
              ratePerMinute: 0.8
              sessionLength: { logNormal: { median: 25m, sigma: 0.5 } }
        timeline:
          - at: 6h
            revokeShare: { image: suite, account: isv, regions: [eu-west-1], from: [tenants] }
        """;

    [Fact]
    public async Task A_revocation_at_midday_zeroes_desired_capacity_from_that_step_and_sessions_taper_to_nothing()
    {
        var plan = Simulations.Plan(Revocation);
        var result = await Simulations.RunAsync(plan);
        var revokedAt = (int)(TimeSpan.FromHours(6) / plan.Step);
        var europe = result.RegionSeries["eu-west-1"];
        var america = result.RegionSeries["us-east-1"];

        Assert.True(europe[revokedAt - 1].Desired > 0 && europe[revokedAt - 1].Sessions > 0, "Before the revocation the European fleets serve users.");
        Assert.All(europe.Skip(revokedAt), sample => Assert.Equal(0, sample.Desired));
        Assert.All(europe.Skip(revokedAt), sample => Assert.Equal(0, sample.Started));
        for (var step = revokedAt + 1; step < europe.Length; step++)
        {
            Assert.True(europe[step].Sessions <= europe[step - 1].Sessions, $"Sessions grew after the revocation at step {step}.");
            Assert.True(europe[step].Running <= europe[step].InUse, $"An idle instance outlived the revocation at step {step}.");
        }

        Assert.True(europe[revokedAt].Sessions > 0, "Sessions in progress at the revocation carry on.");
        Assert.Equal(0, europe[^1].Sessions);
        Assert.Equal(0, europe[^1].Running);
        Assert.True(america.Skip(revokedAt).All(sample => sample.Desired > 0), "The other region's fleets keep their image.");
        Assert.Contains(result.Timeline, entry => entry.Outcome == "done" && entry.Description.Contains("revoke", StringComparison.Ordinal));
    }
}
