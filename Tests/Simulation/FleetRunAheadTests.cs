using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Reports;
using RegionSim.Client.Simulation.Run;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Simulation;

namespace RegionSim.Tests.Simulation;

/// <summary>
/// A fleet that needs nothing from its region runs ahead and answers for several steps at once. Its answers
/// must be what step-by-step calls would have answered, step for step; it must stop where the region is needed
/// or where it was told to; and a step it has answered must be answered again the same way after a silo's death.
/// </summary>
public sealed class FleetRunAheadTests
{
    [Fact]
    public async Task Running_ahead_answers_every_step_as_step_by_step_calls_do()
    {
        var plan = Simulations.Plan(FleetDueTests.QuietFleet);

        var stepByStep = await SamplesAsync(plan, runAhead: false);
        var ahead = await SamplesAsync(plan, runAhead: true);

        Assert.Equal(plan.Steps, ahead.Samples.Count);
        Assert.Equal(stepByStep.Samples, ahead.Samples);
        Assert.True(ahead.Calls < stepByStep.Calls / 2, $"{ahead.Calls} calls running ahead against {stepByStep.Calls} step by step.");
    }

    [Fact]
    public async Task A_day_run_step_by_step_reports_what_running_ahead_reports_in_more_calls()
    {
        var plan = Simulations.Plan(LoadSimulationTests.Revocation);

        var ahead = await Simulations.RunAsync(plan);
        var stepByStep = await Simulations.RunAsync(plan, runAhead: false);

        Assert.Equal(SimulationSummary.Of(stepByStep).ToJson(), SimulationSummary.Of(ahead).ToJson());
        foreach (var (region, series) in stepByStep.RegionSeries)
        {
            Assert.Equal(series, ahead.RegionSeries[region]);
        }

        Assert.True(stepByStep.Measurements.GrainCalls > ahead.Measurements.GrainCalls, $"{stepByStep.Measurements.GrainCalls} calls step by step against {ahead.Measurements.GrainCalls} running ahead.");
    }

    [Fact]
    public async Task A_fleet_runs_ahead_no_further_than_it_is_told_nor_past_a_step_that_needs_its_region()
    {
        var plan = Simulations.Plan(FleetDueTests.QuietFleet);
        await using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None, plan.Start - SimulationSetup.Lead(plan));
        var (fleet, start) = await Simulations.AttachOnlyFleetAsync(plan, silo);

        var limited = await fleet.StepAsync(new FleetStep { Until = start + plan.Step, Length = plan.Step, RunAheadUntil = start + (plan.Step * 5) });
        Assert.InRange(limited.Samples.Length, 1, 5);
        Assert.True(limited.Samples.Length == 5 || limited.SlotsWanted > 0 || limited.SlotsReturned > 0, $"Stopped after {limited.Samples.Length} steps with nothing to ask of the region.");

        var until = start + (plan.Step * (limited.Samples.Length + 1));
        var open = await fleet.StepAsync(new FleetStep { Until = until, Length = plan.Step, SlotsGranted = limited.SlotsWanted, SlotsAsked = limited.SlotsWanted, RunAheadUntil = start + plan.Duration });
        Assert.InRange(open.Samples.Length, 1, SimulatedFleetUsers.MaxStepsAhead);
        Assert.True(open.Samples.Length == SimulatedFleetUsers.MaxStepsAhead || open.SlotsWanted > 0 || open.SlotsReturned > 0 || until + (plan.Step * (open.Samples.Length - 1)) == start + plan.Duration,
            $"Stopped after {open.Samples.Length} steps with nothing to ask of the region, before the limit.");
    }

    [Fact]
    public async Task A_step_already_answered_is_answered_again_from_that_step_with_nothing_given_back()
    {
        var plan = Simulations.Plan(FleetDueTests.QuietFleet);
        await using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None, plan.Start - SimulationSetup.Lead(plan));
        var (fleet, start) = await Simulations.AttachOnlyFleetAsync(plan, silo);

        // Run until an answer covers several steps (the fleet stops early while it scales to its demand).
        var until = start + plan.Step;
        FleetStepResult answer;
        var granted = 0;
        while ((answer = await fleet.StepAsync(new FleetStep { Until = until, Length = plan.Step, SlotsGranted = granted, SlotsAsked = granted, RunAheadUntil = start + plan.Duration })).Samples.Length < 4)
        {
            granted = answer.SlotsWanted;
            until += plan.Step * answer.Samples.Length;
        }

        var again = await fleet.StepAsync(new FleetStep { Until = until + (plan.Step * 2), Length = plan.Step, RunAheadUntil = start + plan.Duration });

        Assert.Equal(answer.Samples[2..], again.Samples);
        Assert.Equal((answer.Sample, answer.NextDue, 0), (again.Sample, again.NextDue, again.SlotsReturned));
    }

    /// <summary>Every step's sample of the scenario's one fleet, stepped as its region steps it (every slot asked for granted), and how many calls that took.</summary>
    private static async Task<(List<FleetSample> Samples, int Calls)> SamplesAsync(ScenarioPlan plan, bool runAhead)
    {
        await using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None, plan.Start - SimulationSetup.Lead(plan));
        var (fleet, start) = await Simulations.AttachOnlyFleetAsync(plan, silo);
        var samples = new List<FleetSample>();
        var last = new FleetStepResult { Samples = [], InstanceType = "", NextDue = start };
        var calls = 0;
        for (var step = 0; step < plan.Steps; step++)
        {
            var until = start + (plan.Step * (step + 1));
            if (samples.Count > step)
            {
                continue;
            }

            if (!last.IsDueBy(until))
            {
                samples.Add(last.Sample.Quiet());
                continue;
            }

            calls++;
            last = await fleet.StepAsync(new FleetStep
            {
                Until = until,
                Length = plan.Step,
                SlotsGranted = last.SlotsWanted,
                SlotsAsked = last.SlotsWanted,
                RunAheadUntil = runAhead ? start + plan.Duration : null,
            });
            samples.AddRange(last.Samples);
        }

        return (samples, calls);
    }
}
