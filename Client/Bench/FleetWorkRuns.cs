using RegionSim.Benchmarks;
using RegionSim.Client.Simulation.Scenarios;
using Spectre.Console;

namespace RegionSim.Client.Bench;

/// <summary>
/// <c>regionsim bench fleets</c>: a scenario's fleets and users without Orleans (<see cref="FleetWorkBenchmark"/>),
/// once for each thread count asked, one run after another in this process. It shows what the simulated day
/// costs beyond its grain calls, and how far that work gains from a second core.
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
        return threadCounts.Select(threads => FleetWorkBenchmark.Run(workloads, plan.Timings, plan.Seed, plan.Start, plan.Step, plan.Steps, threads)).ToList();
    }

    public static void Show(string scenario, IReadOnlyList<FleetWorkMeasurement> runs)
    {
        var first = runs[0];
        var table = new Table().Title($"regionsim bench fleets: {scenario}, {first.Fleets:N0} fleets, {first.SessionsStarted:N0} sessions, {first.FleetSteps:N0} fleet steps")
            .AddColumns("threads", "wall", "CPU", "GC paused", "allocated", "µs/session", "speed-up");
        foreach (var run in runs)
        {
            table.AddRow(
                $"{run.Threads}",
                $"{run.WallTime.TotalSeconds:F2} s",
                $"{run.ProcessorTime.TotalSeconds:F2} s",
                $"{run.GarbageCollectionPause.TotalSeconds:F2} s",
                $"{run.AllocatedBytes / (1024.0 * 1024 * 1024):F2} GiB",
                $"{run.MicrosecondsPerSession:F2}",
                $"{first.WallTime / run.WallTime:F2}×");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Fleet steps that needed the region (a grant, slots asked for or given back): {first.FleetStepsWithRegion:N0} of {first.FleetSteps:N0}.");
        AnsiConsole.MarkupLine(runs.All(run => run.Fingerprint == first.Fingerprint)
            ? $"Every run did the same work (fingerprint of the fleets' totals {first.Fingerprint:x16})."
            : $"[red]The runs' fingerprints differ ({string.Join(", ", runs.Select(run => run.Fingerprint.ToString("x16")))}): the fleets did not do the same work.[/]");
    }
}
