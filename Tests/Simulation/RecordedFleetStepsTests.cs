using Microsoft.Extensions.DependencyInjection;
using RegionSim.Client.Bench;
using RegionSim.Client.Simulation.Run;
using RegionSim.Client.Simulation.Scenarios;

namespace RegionSim.Tests.Simulation;

/// <summary>
/// <c>bench simulation</c> sets the day against the same day with its fleets' answers given back from a
/// record. That only measures the day without the fleets' work if the replay is the recorded day, call for
/// call, and no fleet runs in it.
/// </summary>
public sealed class RecordedFleetStepsTests
{
    [Fact]
    public async Task A_replayed_day_is_the_recorded_day_with_no_fleet_run()
    {
        var plan = Simulations.Plan(LoadSimulationTests.Revocation);
        var steps = new RecordedFleetSteps();
        var recorded = await RunAsync(plan, steps);
        steps.Replaying = true;
        var replayed = await RunAsync(plan, steps);

        Assert.True(steps.Recorded > plan.Fleets.Count, $"Only {steps.Recorded} answers were recorded.");
        Assert.Equal(steps.Recorded, steps.Replayed);
        Assert.Equal(0, steps.Unrecorded);
        Assert.Equal(recorded.Measurements.GrainCalls, replayed.Measurements.GrainCalls);
        Assert.Equal(recorded.RegionSeries.Keys.Order(), replayed.RegionSeries.Keys.Order());
        foreach (var (region, series) in recorded.RegionSeries)
        {
            Assert.Equal(series, replayed.RegionSeries[region]);
        }

        // The fleets' own counts stay empty: their users never ran.
        Assert.True(recorded.Fleets.Sum(fleet => fleet.Started) > 1000, "The recorded day started sessions.");
        Assert.All(replayed.Fleets, fleet => Assert.Equal(0, fleet.Started + fleet.Attempts));
    }

    private static Task<SimulationResult> RunAsync(ScenarioPlan plan, RecordedFleetSteps steps) =>
        Simulations.RunAsync(plan, services => services.AddSingleton<IIncomingGrainCallFilter>(steps));
}
