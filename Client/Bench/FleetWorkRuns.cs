using RegionSim.Benchmarks;
using RegionSim.Client.Simulation.Scenarios;
using Spectre.Console;

namespace RegionSim.Client.Bench;

/// <summary>
/// <c>regionsim bench fleets</c>: a scenario's fleets and users without Orleans (<see cref="FleetWorkBenchmark"/>),
/// for each thread count asked, first running ahead as the simulation runs them, then one step a call; one
/// run after another in this process. It shows what the simulated day costs beyond its grain calls, how far
/// that work gains from a second core, and what running ahead saves.
/// </summary>
public static class FleetWorkRuns
{
    public static IReadOnlyList<FleetWorkMeasurement> Run(ScenarioPlan plan, IReadOnlyList<int> threadCounts)
    {
        var workloads = plan.Fleets
            .Where(fleet => fleet.Users is not null)
            .Select(fleet => new FleetWorkload
            {
                Key = fleet.Key,
                Create = fleet.Create,
                ScalableTarget = fleet.ScalableTarget,
                Policies = fleet.Policies,
                ScheduledActions = fleet.ScheduledActions,
                Users = fleet.Users!,
            })
            .ToList();
        return new[] { true, false }
            .SelectMany(runAhead => threadCounts.Select(threads => FleetWorkBenchmark.Run(workloads, plan.Timings, plan.Seed, plan.Start, plan.Step, plan.Steps, threads, runAhead)))
            .ToList();
    }

    public static void Show(string scenario, IReadOnlyList<FleetWorkMeasurement> runs)
    {
        var first = runs[0];
        var table = new Table().Title($"regionsim bench fleets: {scenario}, {first.Fleets:N0} fleets, {first.SessionsStarted:N0} sessions")
            .AddColumns("fleets", "threads", "calls", "wall", "CPU", "GC pause", "allocated");
        foreach (var run in runs)
        {
            table.AddRow(
                run.RunAhead ? "ahead" : "stepwise",
                $"{run.Threads}",
                $"{run.FleetCalls:N0}",
                $"{run.WallTime.TotalSeconds:F2} s",
                $"{run.ProcessorTime.TotalSeconds:F2} s",
                $"{run.GarbageCollectionPause.TotalSeconds:F2} s",
                $"{run.AllocatedBytes / (1024.0 * 1024 * 1024):F2} GiB");
        }

        AnsiConsole.Write(table);
        foreach (var mode in runs.GroupBy(run => run.RunAhead))
        {
            AnsiConsole.MarkupLine($"{(mode.Key ? "Ahead (running ahead, as the simulation does)" : "Stepwise (one step a call)")}: {mode.First().FleetCallsWithRegion:N0} of {mode.First().FleetCalls:N0} calls involved the region (a grant, slots asked for or given back).");
        }
        AnsiConsole.MarkupLine(runs.All(run => run.Fingerprint == first.Fingerprint)
            ? $"Every run did the same work (fingerprint of the fleets' totals {first.Fingerprint:x16})."
            : $"[red]The runs' fingerprints differ ({string.Join(", ", runs.Select(run => run.Fingerprint.ToString("x16")))}): the fleets did not do the same work.[/]");
    }
}
